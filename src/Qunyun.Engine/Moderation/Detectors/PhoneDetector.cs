using System.Text;
using System.Text.RegularExpressions;

namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// Finds phone numbers: Chinese mobiles (1[3-9] and nine more digits, optionally +86/0086) and international
/// numbers written with + or 00. Digits may be full-width, circled or Chinese numerals (一三八…), and separated by
/// spaces, dashes, dots or a symbol or two ("138-1234-5678", "138❤1234❤5678"). Plain local numbers are not reported.
/// </summary>
public static partial class PhoneDetector
{
    public static IReadOnlyList<Finding> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Finding>? findings = null;
        Find(new MessageText(text), ref findings);
        return findings ?? [];
    }

    /// <summary>Adds the phone numbers of <paramref name="text"/> to <paramref name="findings"/> (created on the first).</summary>
    internal static void Find(MessageText text, ref List<Finding>? findings)
    {
        // The shortest number either pattern takes has eight digits (+ and eight; a mobile has eleven).
        if (DetectorText.CountDigits(text.Original, enough: MinDigits) < MinDigits)
        {
            return;
        }

        var digits = text.Digits;
        var first = findings?.Count ?? 0;
        foreach (Match match in ChineseMobile().Matches(digits))
        {
            (findings ??= []).Add(new Finding(FindingKind.Phone, match.Index, match.Length, "+86" + DigitsOf(match.Groups["number"].Value)));
        }

        foreach (Match match in International().Matches(digits))
        {
            if (findings is not null && Overlaps(findings, first, match.Index, match.Length))
            {
                continue;
            }

            (findings ??= []).Add(new Finding(FindingKind.Phone, match.Index, match.Length, "+" + DigitsOf(match.Groups["number"].Value)));
        }
    }

    private const int MinDigits = 8;

    private static bool Overlaps(List<Finding> findings, int first, int start, int length)
    {
        for (var i = first; i < findings.Count; i++)
        {
            if (findings[i].Start < start + length && start < findings[i].Start + findings[i].Length)
            {
                return true;
            }
        }

        return false;
    }

    internal static string DigitsOf(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private const string Gap = @"[^\p{L}\p{N}\r\n]{0,2}";

    [GeneratedRegex(@"(?<![0-9+])(?:(?:\+|00)86" + Gap + @")?(?<number>1" + Gap + "[3-9](?:" + Gap + @"[0-9]){9})(?![0-9])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex ChineseMobile();

    [GeneratedRegex(@"(?<![0-9a-z])(?:\+|00)(?<number>[1-9](?:[ \-.()]{0,2}[0-9]){7,14})(?![0-9])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex International();
}
