namespace Qunyun.Engine.Moderation;

/// <summary>A word as the automaton knows it: folded, plus what the boundary policy needs to judge a hit.</summary>
internal sealed class MatchedWord
{
    public const int MaxFoldedLength = 128;

    private MatchedWord(string listName, string word, string folded, bool startsWordish, bool endsWordish, PairRule[] pairs)
    {
        ListName = listName;
        Word = word;
        Folded = folded;
        StartsWordish = startsWordish;
        EndsWordish = endsWordish;
        Pairs = pairs;
    }

    public string ListName { get; }

    public string Word { get; }

    public string Folded { get; }

    public bool StartsWordish { get; }

    public bool EndsWordish { get; }

    /// <summary>For each pair of neighbouring folded characters: whether the letter-spacing rule applies between them.</summary>
    public PairRule[] Pairs { get; }

    public bool HasGluedPairs => Array.IndexOf(Pairs, PairRule.Glued) >= 0;

    /// <summary>Folds a listed word, or explains why it can never match.</summary>
    public static MatchedWord? Create(string listName, string word, out string? problem)
    {
        var folded = TextFolder.Fold(word);
        var text = folded.Text;
        problem = text.Length switch
        {
            0 => "has no letters that matching can see (only spaces, punctuation, symbols or emoji)",
            > MaxFoldedLength => $"is longer than {MaxFoldedLength} characters after folding",
            _ => text.Any(c => c == CharFold.Unmatched || char.IsSurrogate(c))
                ? "contains a character outside the Basic Multilingual Plane that is not a symbol"
                : null,
        };
        if (problem is not null)
        {
            return null;
        }

        var wordish = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            wordish[i] = (CharFold.Kinds[text[i]] & CharKind.Wordish) != 0;
        }

        var pairs = new PairRule[Math.Max(0, text.Length - 1)];
        for (var i = 0; i < pairs.Length; i++)
        {
            if (!wordish[i] || !wordish[i + 1])
            {
                pairs[i] = PairRule.Free;
                continue;
            }

            var between = word.AsSpan(folded.SourceStart(i), folded.SourceStart(i + 1) - folded.SourceStart(i));
            pairs[i] = ContainsSpace(between) ? PairRule.WordBreak : PairRule.Glued;
        }

        return new MatchedWord(listName, word, text, wordish[0], wordish[^1], pairs);
    }

    private static bool ContainsSpace(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if ((CharFold.Kinds[c] & CharKind.Space) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

internal enum PairRule : byte
{
    /// <summary>Not two letters of a spaced script: any separators may stand between them (微_信).</summary>
    Free,

    /// <summary>Two letters of one word (we|chat): whitespace between them counts only if the word is letter-spaced.</summary>
    Glued,

    /// <summary>The listed phrase has a space here ("free money"): anything may stand between them.</summary>
    WordBreak,
}
