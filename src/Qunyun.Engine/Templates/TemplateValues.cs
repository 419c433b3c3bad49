namespace Qunyun.Engine.Templates;

/// <summary>The data a template renders with, set by dotted path ("member.name"); null marks data that is missing.</summary>
public sealed class TemplateValues
{
    private readonly Dictionary<string, object?> _root = new(StringComparer.Ordinal);

    /// <summary>How lists print: "、" in Chinese, ", " otherwise (see <see cref="ForLanguage"/>).</summary>
    public string ListSeparator { get; private set; } = ", ";

    /// <summary>Lists print joined as <paramref name="language"/> writes them.</summary>
    public TemplateValues ForLanguage(string? language)
    {
        ListSeparator = DefaultTemplates.IsChinese(language) ? "、" : ", ";
        return this;
    }

    public TemplateValues Set(string path, object? value)
    {
        var segments = path.Split('.');
        var node = _root;
        foreach (var segment in segments[..^1])
        {
            if (node.GetValueOrDefault(segment) is not Dictionary<string, object?> child)
            {
                node[segment] = child = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            node = child;
        }

        node[segments[^1]] = value;
        return this;
    }

    public TemplateValues SetList(string path, IEnumerable<string> items) => Set(path, items.ToArray());

    /// <summary>Whether the path was given a non-null value.</summary>
    public bool Has(string path)
    {
        object? node = _root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(segment, out node))
            {
                return false;
            }
        }

        return node is not null;
    }

    internal IReadOnlyDictionary<string, object?> Root => _root;
}
