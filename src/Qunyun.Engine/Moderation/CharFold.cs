using System.Globalization;
using System.Text;

namespace Qunyun.Engine.Moderation;

/// <summary>
/// The fold of every BMP character, computed once: compatibility form (NFKC: full-width, circled, math letters),
/// Latin accents dropped, lower case, Cyrillic/Greek look-alikes to Latin, traditional → simplified Chinese, and
/// digit/symbol look-alikes (0→o, 1→l, 5→s…). Separators fold to <see cref="Skipped"/>. docs/moderation.md gives the
/// reason for each rule. Folding is idempotent: folding a folded character changes nothing.
/// </summary>
internal static class CharFold
{
    public const char Skipped = '\0';

    /// <summary>Stands for a supplementary-plane letter that no word can contain: it breaks a match.</summary>
    public const char Unmatched = '\uFFFF';

    public static readonly char[] Table = new char[65536];
    public static readonly CharKind[] Kinds = new CharKind[65536];

    private const int MathStart = 0x1D400, MathEnd = 0x1D7FF;
    private const int EnclosedStart = 0x1F100, EnclosedEnd = 0x1F1FF;
    private const int CompatStart = 0x2F800, CompatEnd = 0x2FA1F;
    private static readonly char[] Supplementary = new char[(MathEnd - MathStart + 1) + (EnclosedEnd - EnclosedStart + 1) + (CompatEnd - CompatStart + 1)];

    static CharFold()
    {
        var simplified = TraditionalToSimplified.BuildMap();
        for (var c = 0; c < Table.Length; c++)
        {
            var ch = (char)c;
            Table[c] = char.IsSurrogate(ch) ? ch : FoldOne(ch, simplified);
        }

        // Chains (a compatibility form whose target folds further) settle in a second pass.
        for (var c = 0; c < Table.Length; c++)
        {
            var f = Table[c];
            while (f != Skipped && !char.IsSurrogate(f) && Table[f] != f)
            {
                f = Table[f];
            }

            Table[c] = f;
        }

        for (var c = 0; c < Kinds.Length; c++)
        {
            Kinds[c] = Classify((char)c, Table[c]);
        }

        for (var cp = MathStart; cp <= MathEnd; cp++)
        {
            Supplementary[SupplementaryIndex(cp)] = FoldSupplementarySlow(cp);
        }

        for (var cp = EnclosedStart; cp <= EnclosedEnd; cp++)
        {
            Supplementary[SupplementaryIndex(cp)] = FoldSupplementarySlow(cp);
        }

        for (var cp = CompatStart; cp <= CompatEnd; cp++)
        {
            Supplementary[SupplementaryIndex(cp)] = FoldSupplementarySlow(cp);
        }
    }

    /// <summary>Folds the character at <paramref name="index"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    public static char FoldAt(ReadOnlySpan<char> text, int index, out int width, out CharKind kind)
    {
        var c = text[index];
        kind = Kinds[c];
        width = 1;
        if ((kind & CharKind.Surrogate) == 0)
        {
            return Table[c];
        }

        if (index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]))
        {
            kind = CharKind.Skip;
            return Skipped;
        }

        width = 2;
        return FoldSupplementary(char.ConvertToUtf32(c, text[index + 1]), out kind);
    }

    /// <summary>Folds a character outside the BMP: math and enclosed letters to ASCII, emoji and other symbols to skipped.</summary>
    public static char FoldSupplementary(int codePoint, out CharKind kind)
    {
        var index = SupplementaryIndex(codePoint);
        char folded;
        if (index >= 0)
        {
            folded = Supplementary[index];
        }
        else
        {
            folded = IsSeparator(CharUnicodeInfo.GetUnicodeCategory(codePoint)) ? Skipped : Unmatched;
        }

        kind = folded switch
        {
            Skipped => CharKind.Skip,
            Unmatched => CharKind.None,
            _ => Kinds[folded],
        };
        return folded;
    }

    private static int SupplementaryIndex(int cp) => cp switch
    {
        >= MathStart and <= MathEnd => cp - MathStart,
        >= EnclosedStart and <= EnclosedEnd => (MathEnd - MathStart + 1) + cp - EnclosedStart,
        >= CompatStart and <= CompatEnd => (MathEnd - MathStart + 1) + (EnclosedEnd - EnclosedStart + 1) + cp - CompatStart,
        _ => -1,
    };

    private static char FoldSupplementarySlow(int cp)
    {
        // Regional indicators (🇼🇪), negative circled (🅦) and negative squared (🆆) letters have no compatibility form.
        if (cp is >= 0x1F1E6 and <= 0x1F1FF)
        {
            return (char)('a' + cp - 0x1F1E6);
        }

        if (cp is >= 0x1F150 and <= 0x1F169)
        {
            return (char)('a' + cp - 0x1F150);
        }

        if (cp is >= 0x1F170 and <= 0x1F189)
        {
            return (char)('a' + cp - 0x1F170);
        }

        var form = Normalize(char.ConvertFromUtf32(cp), NormalizationForm.FormKC);
        if (NonSeparators(form, out var single) == 1 && !char.IsSurrogate(single))
        {
            return Table[single];
        }

        return IsSeparator(CharUnicodeInfo.GetUnicodeCategory(cp)) ? Skipped : Unmatched;
    }

    private static char FoldOne(char c, char[] simplified)
    {
        var form = Normalize(c);
        var kept = NonSeparators(form, out var single);
        if (kept == 0 || (kept > 1 && IsSeparator(c)))
        {
            return Skipped;
        }

        // A longer expansion (ﬁ → fi) cannot be one folded character: the character stays as it is.
        var ch = kept == 1 ? single : c;
        ch = char.ToLowerInvariant(StripAccent(ch));
        ch = LookAlikes.Homoglyph(ch);
        ch = simplified[ch];
        return LookAlikes.Letter(ch);
    }

    /// <summary>Counts the characters of a compatibility form that are not separators (⑴ → "(1)" → one: 1).</summary>
    private static int NonSeparators(string form, out char single)
    {
        single = Skipped;
        var count = 0;
        foreach (var ch in form)
        {
            if (!IsSeparator(ch))
            {
                single = ch;
                count++;
            }
        }

        return count;
    }

    private static string Normalize(char c) => Normalize(c.ToString(), NormalizationForm.FormKC);

    private static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form) ? text : text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Noncharacters (U+FFFE, U+FFFF…) cannot be normalised; they stay as they are.
            return text;
        }
    }

    private static char StripAccent(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        var decomposed = Normalize(Normalize(c), NormalizationForm.FormD);
        if (decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0]))
        {
            for (var i = 1; i < decomposed.Length; i++)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) != UnicodeCategory.NonSpacingMark)
                {
                    return c;
                }
            }

            return decomposed[0];
        }

        return LookAlikes.Unaccented(c);
    }

    private static CharKind Classify(char original, char folded)
    {
        if (char.IsHighSurrogate(original))
        {
            return CharKind.Surrogate;
        }

        if (folded == Skipped || char.IsLowSurrogate(original))
        {
            return char.IsWhiteSpace(original) ? CharKind.Skip | CharKind.Space : CharKind.Skip;
        }

        // @ and $ take part in words as a and s, but next to a word they are not part of it ("@wechat").
        var compatible = Normalize(original);
        if (compatible is "@" or "$")
        {
            return CharKind.None;
        }

        return char.IsLetterOrDigit(folded) && !IsUnspacedScript(folded) ? CharKind.Wordish : CharKind.None;
    }

    public static bool IsSeparator(char c) => c is not ('@' or '$') && IsSeparator(CharUnicodeInfo.GetUnicodeCategory(c));

    private static bool IsSeparator(UnicodeCategory category) => category switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation => true,
        UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation => true,
        UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => true,
        UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol => true,
        UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };

    /// <summary>Scripts written without spaces between words: a word boundary means nothing there.</summary>
    private static bool IsUnspacedScript(char c) => c switch
    {
        >= '\u0E00' and <= '\u0EFF' => true, // Thai, Lao
        >= '\u0F00' and <= '\u0FFF' => true, // Tibetan
        >= '\u1000' and <= '\u109F' => true, // Myanmar
        >= '\u1780' and <= '\u17FF' => true, // Khmer
        >= '\u2E80' and <= '\u2FDF' => true, // CJK and Kangxi radicals
        >= '\u3005' and <= '\u3007' => true, // 々 〆 〇
        >= '\u3021' and <= '\u303B' => true, // Hangzhou numerals, iteration marks
        >= '\u3040' and <= '\u31FF' => true, // kana, bopomofo
        >= '\u3400' and <= '\u4DBF' => true, // CJK extension A
        >= '\u4E00' and <= '\u9FFF' => true, // CJK unified ideographs
        >= '\uF900' and <= '\uFAFF' => true, // CJK compatibility ideographs
        _ => false,
    };
}
