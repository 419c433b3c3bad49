using System.Text.RegularExpressions;

namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>Counts @mentions (distinct names; e-mail addresses are not mentions) and flags a message with too many.</summary>
public static partial class MentionDetector
{
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Count(new MessageText(text));
    }

    internal static int Count(MessageText text)
    {
        if (!DetectorText.Contains(text.Original, '@'))
        {
            return 0;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Mention().Matches(text.Normalized))
        {
            names.Add(match.Groups["name"].Value);
        }

        return names.Count;
    }

    /// <summary>A finding when the message mentions at least <paramref name="threshold"/> members. Platforms that send
    /// mentions as entities rather than text pass their count as <paramref name="platformMentions"/>.</summary>
    public static Finding? Find(string text, int threshold, int platformMentions = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(new MessageText(text), threshold, platformMentions);
    }

    internal static Finding? Find(MessageText text, int threshold, int platformMentions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var count = Math.Max(Count(text), platformMentions);
        return count >= threshold ? new Finding(FindingKind.MassMention, 0, text.Original.Length, $"{count} mentions") : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@])@(?<name>[\p{L}\p{N}_]{1,32})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex Mention();
}
