using System.Text;
using System.Text.RegularExpressions;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// The placeholder templates of warnings: {member}, {rule}, {strikes}, {minutes}, {group}. A simple substitution;
/// the bot's template engine will replace it.
/// </summary>
public static partial class WarnTemplate
{
    public static readonly IReadOnlyList<string> Placeholders = ["member", "rule", "strikes", "minutes", "group"];

    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template.Length + 32);
        var last = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            text.Append(template, last, match.Index - last);
            text.Append(values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
            last = match.Index + match.Length;
        }

        return text.Append(template, last, template.Length - last).ToString();
    }

    /// <summary>The placeholders a template uses that <see cref="Placeholders"/> does not know.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
