using System.Globalization;
using System.Text;

namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// The view of a message that detectors read: one character for one character (so spans need no map), full-width and
/// circled forms to ASCII, lower case, 。/． as dots. Unlike word folding it keeps digits and separators, since
/// numbers and URLs are made of them. <see cref="Digits"/> also reads Chinese numerals as digits (一三八… 幺).
/// </summary>
internal static class DetectorText
{
    private static readonly char[] Table = BuildTable();
    private static readonly char[] DigitTable = BuildDigitTable(Table);

    public static string Normalize(string text) => Map(text, Table);

    public static string Digits(string text) => Map(text, DigitTable);

    /// <summary>
    /// Whether the text may hold a link: every host the link pattern finds has a letter or digit, a dot (. 点 點) and
    /// another letter or digit, or spells the dot out ("(dot)"). Most chat has neither, and skips the pattern.
    /// </summary>
    public static bool MayHoldLink(ReadOnlySpan<char> text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
        {
            var c = Table[text[i]];
            if (c is '.' or '点' or '點' ? IsAsciiLetterOrDigit(Table[text[i - 1]]) && IsAsciiLetterOrDigit(Table[text[i + 1]])
                : c == 'o' && Table[text[i - 1]] == 'd' && Table[text[i + 1]] == 't')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many characters read as digits 0–9 (Chinese numerals included), up to <paramref name="enough"/>.</summary>
    public static int CountDigits(ReadOnlySpan<char> text, int enough)
    {
        var count = 0;
        for (var i = 0; i < text.Length && count < enough; i++)
        {
            count += char.IsAsciiDigit(DigitTable[text[i]]) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether some character normalises to <paramref name="c"/> (＠ and ﹫ are @).</summary>
    public static bool Contains(ReadOnlySpan<char> text, char c)
    {
        foreach (var ch in text)
        {
            if (Table[ch] == c)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static string Map(string text, char[] table) =>
        string.Create(text.Length, (text, table), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.table[state.text[i]];
            }
        });

    private static char[] BuildTable()
    {
        var table = new char[65536];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            table[c] = char.IsSurrogate(ch) ? ch : FoldOne(ch);
        }

        table['。'] = '.';
        table['｡'] = '.';
        return table;
    }

    private static char[] BuildDigitTable(char[] table)
    {
        var digits = (char[])table.Clone();
        const string numerals = "〇一二三四五六七八九";
        const string formal = "零壹贰叁肆伍陆柒捌玖";
        for (var d = 0; d < 10; d++)
        {
            digits[numerals[d]] = (char)('0' + d);
            digits[formal[d]] = (char)('0' + d);
        }

        digits['幺'] = '1';
        digits['貳'] = '2';
        digits['陸'] = '6';
        return digits;
    }

    private static char FoldOne(char c)
    {
        if (c < 0x80)
        {
            return char.ToLowerInvariant(c);
        }

        string form;
        try
        {
            form = c.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return c;
        }

        // ① → 1, ｗ → w; a longer form (⑴ → "(1)") keeps its one letter or digit.
        var kept = form.Where(char.IsLetterOrDigit).ToArray();
        var single = form.Length == 1 ? form[0] : kept.Length == 1 ? kept[0] : c;
        return CharUnicodeInfo.GetUnicodeCategory(single) == UnicodeCategory.DecimalDigitNumber && single > '9'
            ? (char)('0' + (int)char.GetNumericValue(single))
            : char.ToLowerInvariant(single);
    }
}
