using System.Text;
using Qunyun.Engine.Text;

namespace Qunyun.Engine.Tagging;

/// <summary>
/// Topics as keys: folded like search text (full-width, case and spacing do not matter, Chinese passes through) and cut
/// to <see cref="MaxLength"/> characters so "interest:" + the key fits a tag name.
/// </summary>
public static class Topics
{
    public const int MaxLength = 55;
    public const string InterestPrefix = "interest:";

    /// <summary>Topics past this many on one event are ignored: an event is about a few things, not thousands.</summary>
    public const int MaxPerEvent = 20;

    public static string Fold(string? topic) => SearchText.Fold(topic);

    public static string Key(string? topic)
    {
        var folded = Fold(topic);
        if (folded.Length <= MaxLength)
        {
            return folded;
        }

        var builder = new StringBuilder(MaxLength);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (builder.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The distinct keys of an event's topics, blanks dropped, at most <see cref="MaxPerEvent"/>.</summary>
    public static IReadOnlyList<string> Keys(IEnumerable<string?>? topics) =>
        topics is null ? [] : topics.Select(Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxPerEvent).ToList();

    /// <summary>The name of the interest tag of a topic key: <c>interest:italian-wine</c>, <c>interest:意大利葡萄酒</c>.</summary>
    public static string InterestTagName(string key) => InterestPrefix + key;
}
