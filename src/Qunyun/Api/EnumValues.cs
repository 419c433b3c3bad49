using System.Globalization;

namespace Qunyun.Api;

/// <summary>Whether a value names an enum member; [Flags] enums also take any combination of their members.</summary>
public static class EnumValues
{
    public static bool IsDefined(Type type, object value) =>
        Enum.IsDefined(type, value) || (type.IsDefined(typeof(FlagsAttribute), inherit: false) && (Bits(value) & ~AllFlags(type)) == 0);

    public static string Refusal(Type type, object value) =>
        $"'{value}' is not a {type.Name}; use one of {string.Join(", ", Enum.GetNames(type))}.";

    private static ulong AllFlags(Type type) => Enum.GetValuesAsUnderlyingType(type).Cast<object>().Aggregate(0UL, (all, v) => all | Bits(v));

    private static ulong Bits(object value) => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
