namespace Qunyun.Engine.Moderation;

/// <summary>
/// Finds the words of several lists in a text in one pass, through all the folding of <see cref="TextFolder"/> and
/// the boundary policy of docs/moderation.md. Compile once per rule-set version and share: a matcher is immutable
/// and thread-safe.
/// </summary>
public sealed class WordMatcher
{
    private readonly Automaton _automaton;
    private readonly MatchedWord[] _words;

    private WordMatcher(Automaton automaton, MatchedWord[] words, IReadOnlyList<string> listNames)
    {
        _automaton = automaton;
        _words = words;
        ListNames = listNames;
    }

    public static WordMatcher Empty { get; } = Compile([]);

    public IReadOnlyList<string> ListNames { get; }

    /// <summary>Distinct (list, folded word) entries in the automaton.</summary>
    public int WordCount => _words.Length;

    public int StateCount => _automaton.StateCount;

    /// <summary>Bytes held by the automaton's arrays (class table, double array, links, outputs).</summary>
    public long MemoryBytes => _automaton.MemoryBytes;

    /// <summary>
    /// Builds the automaton. A word listed twice in one list (after folding) counts once. Throws
    /// <see cref="ArgumentException"/> for duplicate list names and for words that could never match (see
    /// <see cref="WordListParser"/>, which reports those instead).
    /// </summary>
    /// <summary>Why a word can never match (it is all emoji or punctuation, too long…), or null when it can.</summary>
    public static string? Problem(string word) => MatchedWord.Create("", word, out var problem) is null ? problem : null;

    public static WordMatcher Compile(IEnumerable<WordList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var words = new List<MatchedWord>();
        var names = new List<string>();
        var seen = new HashSet<(string List, string Folded)>();
        foreach (var list in lists)
        {
            if (names.Contains(list.Name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"The list name '{list.Name}' is used twice.", nameof(lists));
            }

            names.Add(list.Name);
            foreach (var word in list.Words)
            {
                var matched = MatchedWord.Create(list.Name, word, out var problem)
                    ?? throw new ArgumentException($"The word '{word}' in list '{list.Name}' {problem}.", nameof(lists));
                if (seen.Add((list.Name, matched.Folded)))
                {
                    words.Add(matched);
                }
            }
        }

        var builder = new AutomatonBuilder();
        builder.DefineAlphabet(words.Select(w => w.Folded));
        for (var i = 0; i < words.Count; i++)
        {
            builder.Add(words[i].Folded, i);
        }

        return new WordMatcher(builder.Build(), [.. words], names);
    }

    public IReadOnlyList<WordHit> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink(_words);
        _automaton.Scan(text, ref sink);
        return sink.Hits is null ? [] : sink.Hits;
    }

    /// <summary>
    /// Writes hits into <paramref name="destination"/> without allocating; returns how many there are in all,
    /// which may exceed the destination's length (the rest are not written).
    /// </summary>
    public int Match(ReadOnlySpan<char> text, Span<WordHit> destination)
    {
        var sink = new SpanSink(_words, destination);
        _automaton.Scan(text, ref sink);
        return sink.Count;
    }

    /// <summary>True when any word hits; stops at the first.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var sink = new AnySink(_words);
        _automaton.Scan(text, ref sink);
        return sink.Found;
    }

    private static bool TryHit(MatchedWord[] words, ReadOnlySpan<char> text, int wordIndex, int end, out WordHit hit)
    {
        var word = words[wordIndex];
        if (!BoundaryPolicy.Accept(text, end, word, out var start))
        {
            hit = default;
            return false;
        }

        hit = new WordHit(word.ListName, word.Word, start, end - start);
        return true;
    }

    private struct ListSink(MatchedWord[] words) : IStateSink
    {
        public List<WordHit>? Hits;

        public bool OnWord(ReadOnlySpan<char> text, int wordIndex, int end)
        {
            if (TryHit(words, text, wordIndex, end, out var hit))
            {
                (Hits ??= []).Add(hit);
            }

            return true;
        }
    }

    private ref struct SpanSink(MatchedWord[] words, Span<WordHit> destination) : IStateSink
    {
        private readonly Span<WordHit> _destination = destination;
        public int Count;

        public bool OnWord(ReadOnlySpan<char> text, int wordIndex, int end)
        {
            if (TryHit(words, text, wordIndex, end, out var hit))
            {
                if (Count < _destination.Length)
                {
                    _destination[Count] = hit;
                }

                Count++;
            }

            return true;
        }
    }

    private struct AnySink(MatchedWord[] words) : IStateSink
    {
        public bool Found;

        public bool OnWord(ReadOnlySpan<char> text, int wordIndex, int end)
        {
            Found = TryHit(words, text, wordIndex, end, out _);
            return !Found;
        }
    }
}
