using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Qunyun.Engine.Templates;

/// <summary>
/// A list of texts (newcomers' names, commands) that prints joined the way the group's language writes lists —
/// "小王、小李", "Alex, Sam" — where a plain Liquid array would glue its items together ("小王小李"). Filters and
/// loops still see a list: <c>join</c>, <c>size</c>, <c>first</c>, <c>last</c>, <c>for</c>.
/// </summary>
internal sealed class NameList(IReadOnlyList<string> items, string separator) : FluidValue
{
    public override FluidValues Type => FluidValues.Array;

    private string Joined => string.Join(separator, items);

    public override bool Equals(FluidValue other) =>
        other is NameList list ? list.Joined == Joined : other.IsNil() && items.Count == 0;

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => items.Count;

    public override string ToStringValue() => Joined;

    public override object ToObjectValue() => items;

    [Obsolete("WriteTo is obsolete, prefer the WriteToAsync method.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => writer.Write(encoder.Encode(Joined));

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(encoder.Encode(Joined));
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => items.Select(i => (FluidValue)new StringValue(i));

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => name switch
    {
        "size" => new(NumberValue.Create(items.Count)),
        "first" => new(items.Count > 0 ? new StringValue(items[0]) : NilValue.Instance),
        "last" => new(items.Count > 0 ? new StringValue(items[^1]) : NilValue.Instance),
        _ => new(NilValue.Instance),
    };

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context)
    {
        var i = (int)index.ToNumberValue();
        return new(i >= 0 && i < items.Count ? new StringValue(items[i]) : NilValue.Instance);
    }

    public override int GetHashCode() => Joined.GetHashCode(StringComparison.Ordinal);
}
