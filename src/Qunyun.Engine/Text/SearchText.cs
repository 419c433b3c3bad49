using System.Text;

namespace Qunyun.Engine.Text;

/// <summary>
/// Folds text for search so that "ＡＢＣ", "abc" and "Abc" meet: compatibility normalisation (NFKC turns
/// full-width Latin and digits into their ASCII forms), invariant lower case, and collapsed whitespace.
/// Chinese characters pass through unchanged; surrogate pairs are never split.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            var written = Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer);
            builder.Append(buffer[..written]);
        }

        return builder.ToString();
    }

    /// <summary>Joins the folded forms of several fields into one searchable string.</summary>
    public static string Combine(params IEnumerable<string?> parts) =>
        string.Join('\n', parts.Select(Fold).Where(p => p.Length > 0).Distinct());
}
