using System.Globalization;
using System.Text;

namespace Qunyun.Engine.Bot;

/// <summary>
/// How alike two questions are, without a language model: text is normalised (width, case, punctuation and spaces
/// dropped, traditional folded by the caller if wanted), Chinese runs become character bigrams and trigrams (Chinese
/// has no spaces, so words cannot be split cheaply), other runs become words; the score is the Jaccard index of the two sets.
/// </summary>
public static class QuestionSimilarity
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // One pass: letters and digits kept (lower case), whitespace and punctuation runs become one space, the rest dropped.
        var source = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var buffer = source.Length <= 256 ? stackalloc char[source.Length] : new char[source.Length];
        var length = 0;
        var gap = false;
        foreach (var c in source)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (gap && length > 0)
                {
                    buffer[length++] = ' ';
                }

                buffer[length++] = char.ToLowerInvariant(c);
                gap = false;
            }
            else if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation)
            {
                gap = true;
            }
        }

        return new string(buffer[..length]);
    }

    public static HashSet<string> Features(string? text) => FeaturesOfNormalized(Normalize(text));

    /// <summary>The features of text already passed through <see cref="Normalize"/>.</summary>
    public static HashSet<string> FeaturesOfNormalized(string normalized)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(normalized))
        {
            if (!run.Chinese)
            {
                features.Add(run.Text);
                continue;
            }

            if (run.Text.Length == 1)
            {
                features.Add(run.Text);
            }

            for (var n = 2; n <= 3; n++)
            {
                for (var i = 0; i + n <= run.Text.Length; i++)
                {
                    features.Add(run.Text.Substring(i, n));
                }
            }
        }

        return features;
    }

    public static double Score(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static double Score(string? a, string? b) => Score(Features(a), Features(b));

    private static IEnumerable<(string Text, bool Chinese)> Runs(string normalized)
    {
        var start = 0;
        for (var i = 1; i <= normalized.Length; i++)
        {
            if (i == normalized.Length || normalized[i] == ' ' || IsHan(normalized[i]) != IsHan(normalized[start]) || normalized[start] == ' ')
            {
                var run = normalized[start..i].Trim();
                if (run.Length > 0)
                {
                    yield return (run, IsHan(run[0]));
                }

                start = i;
            }
        }
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
