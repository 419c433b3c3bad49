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
        var spacing = word.HasGluedPairs ? LetterSpacing(text, word.Pairs, positions, widths) : Spacing.Tight;
        if (spacing == Spacing.SplitsWords)
        {
            return false;
        }

        // A letter-spaced match ("m a") must not lean on letters through punctuation either ("I'm a").
        var reachThroughGlue = spacing == Spacing.LetterSpaced;
        if (word.StartsWordish && start > 0 && IsWordishBefore(text, start, reachThroughGlue))
        {
            return false;
        }

        return !word.EndsWordish || end >= text.Length || !IsWordishFrom(text, end, reachThroughGlue);
    }

    private enum Spacing
    {
        Tight,
        LetterSpaced,
        SplitsWords,
    }

    private static Spacing LetterSpacing(ReadOnlySpan<char> text, PairRule[] pairs, ReadOnlySpan<int> positions, ReadOnlySpan<byte> widths)
    {
        var anySpace = false;
        var runHasSpace = false;
        var runHasTouch = false;
        for (var k = 0; k <= pairs.Length; k++)
        {
            if (k == pairs.Length || pairs[k] != PairRule.Glued)
            {
                if (runHasSpace && runHasTouch)
                {
                    return Spacing.SplitsWords;
                }

                anySpace |= runHasSpace;
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

        return anySpace ? Spacing.LetterSpaced : Spacing.Tight;
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

    private static bool IsWordishFrom(ReadOnlySpan<char> text, int index, bool reachThroughGlue)
    {
        for (var p = index; p < text.Length;)
        {
            CharFold.FoldAt(text, p, out var width, out var kind);
            if (!reachThroughGlue || (kind & CharKind.Skip) == 0 || (kind & CharKind.Space) != 0)
            {
                return (kind & CharKind.Wordish) != 0;
            }

            p += width;
        }

        return false;
    }

    private static bool IsWordishBefore(ReadOnlySpan<char> text, int index, bool reachThroughGlue)
    {
        for (var p = index - 1; p >= 0; p--)
        {
            if (p > 0 && char.IsLowSurrogate(text[p]) && char.IsHighSurrogate(text[p - 1]))
            {
                p--;
            }

            CharFold.FoldAt(text, p, out _, out var kind);
            if (!reachThroughGlue || (kind & CharKind.Skip) == 0 || (kind & CharKind.Space) != 0)
            {
                return (kind & CharKind.Wordish) != 0;
            }
        }

        return false;
    }
}
