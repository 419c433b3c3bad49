namespace Qunyun.Engine.Moderation;

/// <summary>
/// Judges a hit of the automaton against the original text, so that skipping separators does not join real words.
/// A word that starts (ends) with a letter of a spaced script must not have such a letter right before (after)
/// it: "ass" does not hit "class" or "assess". Inside a run of such letters, whitespace counts as an evasion only
/// when the whole run is letter-spaced ("w e c h a t", "s.e x"), not when it splits real words ("we chat").
/// Chinese has no such boundaries, so separators between Chinese characters are always skipped (微 信, 微_信).
/// </summary>
internal static class BoundaryPolicy
{
    /// <summary>Runs only on automaton hits, which are rare: cost per hit, none per character.</summary>
    public static bool Accept(ReadOnlySpan<char> text, int end, MatchedWord word, out int start)
    {
        var length = word.Folded.Length;
        Span<int> positions = stackalloc int[length];
        Span<byte> widths = stackalloc byte[length];
        var p = end;
        for (var k = length; k > 0;)
        {
            p--;
            if (p > 0 && char.IsLowSurrogate(text[p]) && char.IsHighSurrogate(text[p - 1]))
            {
                p--;
            }

            if (CharFold.FoldAt(text, p, out var width, out _) == CharFold.Skipped)
            {
                continue;
            }

            k--;
            positions[k] = p;
            widths[k] = (byte)width;
        }

        start = positions[0];
        if (word.StartsWordish && start > 0 && IsWordishBefore(text, start))
        {
            return false;
        }

        if (word.EndsWordish && end < text.Length && IsWordishAt(text, end))
        {
            return false;
        }

        return !word.HasGluedPairs || LetterSpacingHolds(text, word.Pairs, positions, widths);
    }

    private static bool LetterSpacingHolds(ReadOnlySpan<char> text, PairRule[] pairs, ReadOnlySpan<int> positions, ReadOnlySpan<byte> widths)
    {
        var runHasSpace = false;
        var runHasTouch = false;
        for (var k = 0; k <= pairs.Length; k++)
        {
            if (k == pairs.Length || pairs[k] != PairRule.Glued)
            {
                if (runHasSpace && runHasTouch)
                {
                    return false;
                }

                runHasSpace = runHasTouch = false;
                continue;
            }

            var gapStart = positions[k] + widths[k];
            var gapEnd = positions[k + 1];
            if (gapStart == gapEnd)
            {
                runHasTouch = true;
            }
            else if (ContainsSpace(text[gapStart..gapEnd]))
            {
                runHasSpace = true;
            }
        }

        return true;
    }

    private static bool ContainsSpace(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if ((CharFold.Kinds[c] & CharKind.Space) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordishAt(ReadOnlySpan<char> text, int index)
    {
        CharFold.FoldAt(text, index, out _, out var kind);
        return (kind & CharKind.Wordish) != 0;
    }

    private static bool IsWordishBefore(ReadOnlySpan<char> text, int index)
    {
        var p = index - 1;
        if (p > 0 && char.IsLowSurrogate(text[p]) && char.IsHighSurrogate(text[p - 1]))
        {
            p--;
        }

        return IsWordishAt(text, p);
    }
}
