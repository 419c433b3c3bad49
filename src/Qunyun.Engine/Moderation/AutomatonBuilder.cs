namespace Qunyun.Engine.Moderation;

/// <summary>
/// Builds the Aho–Corasick automaton over folded words, turns it into a DFA where that stays small (each state also
/// stores the transitions its failure chain would find, so the scan never loops), and lays the transitions out as a
/// double array. A state is identified by its unique base; its value carries two flags (output, complete).
/// An edge <c>(s, c)</c> lives in cell <c>base(s) + c</c> as <c>(check: value(s), target: value(t))</c> in one 64-bit
/// word, so a transition costs one memory read.
/// </summary>
internal sealed class AutomatonBuilder
{
    public const int BreakClass = 0;
    public const int SkipClass = 1;
    public const int SurrogateClass = 2;
    public const int FirstLetterClass = 3;
    public const int OutputFlag = int.MinValue;
    public const int CompleteFlag = 1 << 30;
    public const int BaseMask = CompleteFlag - 1;

    /// <summary>A state inherits its failure state's edges only when there are few: rows stay short and pack densely.</summary>
    private const int MaxInherited = 4;

    private readonly List<Dictionary<int, int>?> _children = [null];
    private readonly List<List<int>?> _words = [null];

    public ushort[] ClassOf { get; } = new ushort[65536];

    public int AlphabetSize { get; private set; } = FirstLetterClass;

    public int NodeCount => _children.Count;

    public void DefineAlphabet(IEnumerable<string> foldedWords)
    {
        var frequency = new Dictionary<char, int>();
        foreach (var word in foldedWords)
        {
            foreach (var c in word)
            {
                frequency[c] = frequency.GetValueOrDefault(c) + 1;
            }
        }

        // Frequent characters get small classes: many states share them, which packs the array densely.
        var classOfFolded = new Dictionary<char, ushort>();
        foreach (var (c, _) in frequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
        {
            classOfFolded[c] = (ushort)AlphabetSize++;
        }

        for (var c = 0; c < ClassOf.Length; c++)
        {
            var kind = CharFold.Kinds[c];
            ClassOf[c] = (kind & CharKind.Surrogate) != 0 ? (ushort)SurrogateClass
                : (kind & CharKind.Skip) != 0 ? (ushort)SkipClass
                : classOfFolded.GetValueOrDefault(CharFold.Table[c], (ushort)BreakClass);
        }
    }

    public void Add(string folded, int wordIndex)
    {
        var node = 0;
        foreach (var c in folded)
        {
            var cls = ClassOf[c];
            var children = _children[node] ??= [];
            if (!children.TryGetValue(cls, out var child))
            {
                child = _children.Count;
                _children.Add(null);
                _words.Add(null);
                children[cls] = child;
            }

            node = child;
        }

        (_words[node] ??= []).Add(wordIndex);
    }

    public Automaton Build()
    {
        var order = BreadthFirstOrder();
        var fail = new int[NodeCount];
        var outputLink = new int[NodeCount];
        Array.Fill(outputLink, -1);
        var stored = new Dictionary<int, int>?[NodeCount];
        var complete = new bool[NodeCount];
        complete[0] = true;
        long budget = (2L * NodeCount) + 50_000;
        foreach (var node in order)
        {
            if (node != 0)
            {
                var f = fail[node];
                var own = _children[node];
                if (f == 0)
                {
                    stored[node] = own;
                    complete[node] = true;
                }
                else if (complete[f] && budget > 0 && (stored[f]?.Count ?? 0) <= MaxInherited)
                {
                    // Pathological lists (many words ending where many others start) would blow the DFA up:
                    // past the budget, states keep their failure link instead.
                    var merged = stored[f] is { } inherited ? new Dictionary<int, int>(inherited) : [];
                    if (own is not null)
                    {
                        foreach (var (cls, child) in own)
                        {
                            merged[cls] = child;
                        }
                    }

                    budget -= merged.Count - (own?.Count ?? 0);
                    stored[node] = merged.Count == 0 ? null : merged;
                    complete[node] = true;
                }
                else
                {
                    stored[node] = own;
                }
            }
            else
            {
                stored[0] = _children[0];
            }

            if (_children[node] is not { } children)
            {
                continue;
            }

            foreach (var (cls, child) in children)
            {
                var target = node == 0 ? 0 : Delta(fail, fail[node], cls);
                fail[child] = target;
                outputLink[child] = _words[target] is not null ? target : outputLink[target];
            }
        }

        var bases = Place(order, stored, out var length);
        var values = new int[NodeCount];
        for (var node = 0; node < NodeCount; node++)
        {
            var hasOutput = _words[node] is not null || outputLink[node] >= 0;
            values[node] = bases[node] | (hasOutput ? OutputFlag : 0) | (complete[node] ? CompleteFlag : 0);
        }

        var cells = new long[length];
        Array.Fill(cells, -1L << 32);
        var failValue = new int[length];
        var outputBase = new int[length];
        Array.Fill(outputBase, -1);
        var wordsByBase = new List<int>?[length];
        for (var node = 0; node < NodeCount; node++)
        {
            var b = bases[node];
            if (stored[node] is { } edges)
            {
                foreach (var (cls, target) in edges)
                {
                    cells[b + cls] = ((long)values[node] << 32) | (uint)values[target];
                }
            }

            failValue[b] = values[fail[node]];
            outputBase[b] = outputLink[node] >= 0 ? bases[outputLink[node]] : -1;
            wordsByBase[b] = _words[node];
        }

        var rootNext = new int[AlphabetSize];
        for (var cls = 0; cls < AlphabetSize; cls++)
        {
            rootNext[cls] = _children[0] is { } roots && roots.TryGetValue(cls, out var child) ? values[child] : values[0];
        }

        var wordStarts = new int[length + 1];
        var flatWords = new List<int>();
        for (var b = 0; b < length; b++)
        {
            wordStarts[b] = flatWords.Count;
            if (wordsByBase[b] is { } words)
            {
                flatWords.AddRange(words);
            }
        }

        wordStarts[length] = flatWords.Count;
        return new Automaton(ClassOf, cells, rootNext, values[0], failValue, outputBase, wordStarts, [.. flatWords], NodeCount);
    }

    private int Delta(int[] fail, int state, int cls)
    {
        while (true)
        {
            if (_children[state] is { } children && children.TryGetValue(cls, out var next))
            {
                return next;
            }

            if (state == 0)
            {
                return 0;
            }

            state = fail[state];
        }
    }

    private List<int> BreadthFirstOrder()
    {
        var order = new List<int>(NodeCount) { 0 };
        for (var i = 0; i < order.Count; i++)
        {
            if (_children[order[i]] is { } children)
            {
                order.AddRange(children.Values);
            }
        }

        return order;
    }

    /// <summary>First-fit placement: every state gets a distinct base whose cells for its classes are free.</summary>
    private int[] Place(List<int> order, Dictionary<int, int>?[] stored, out int length)
    {
        var bases = new int[NodeCount];
        var free = new FreeSlots(Math.Max(1024, (NodeCount * 4) + AlphabetSize));
        var usedBases = new HashSet<int>();
        var classes = new List<int>();
        var maxBase = 0;
        var leaves = new List<int>();
        foreach (var node in order)
        {
            if (stored[node] is not { Count: > 0 } edges)
            {
                leaves.Add(node);
                continue;
            }

            classes.Clear();
            classes.AddRange(edges.Keys);
            classes.Sort();
            var lowest = classes[0];
            for (var p = free.Next(lowest); ; p = free.Next(p + 1))
            {
                var b = p - lowest;
                if (usedBases.Contains(b) || !Fits(free, b, classes))
                {
                    continue;
                }

                foreach (var cls in classes)
                {
                    free.Take(b + cls);
                }

                usedBases.Add(b);
                bases[node] = b;
                maxBase = Math.Max(maxBase, b);
                break;
            }
        }

        // A state without edges needs only an identity: any unused base.
        var candidate = 0;
        foreach (var node in leaves)
        {
            while (usedBases.Contains(candidate))
            {
                candidate++;
            }

            usedBases.Add(candidate);
            bases[node] = candidate;
            maxBase = Math.Max(maxBase, candidate);
        }

        length = maxBase + AlphabetSize + 1;
        return bases;
    }

    private static bool Fits(FreeSlots free, int b, List<int> classes)
    {
        for (var i = 1; i < classes.Count; i++)
        {
            if (!free.IsFree(b + classes[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Free cells with "next free cell at or after p" in near-constant time (union–find with path halving).</summary>
    private sealed class FreeSlots(int capacity)
    {
        private int[] _next = Enumerable.Range(0, capacity + 1).ToArray();

        public bool IsFree(int slot)
        {
            Grow(slot + 1);
            return _next[slot] == slot;
        }

        public int Next(int slot)
        {
            Grow(slot + 1);
            while (_next[slot] != slot)
            {
                Grow(_next[slot] + 1);
                _next[slot] = _next[_next[slot]];
                slot = _next[slot];
            }

            return slot;
        }

        public void Take(int slot)
        {
            Grow(slot + 2);
            _next[slot] = slot + 1;
        }

        private void Grow(int size)
        {
            if (size < _next.Length)
            {
                return;
            }

            var old = _next.Length;
            Array.Resize(ref _next, Math.Max(size + 1, old * 2));
            for (var i = old; i < _next.Length; i++)
            {
                _next[i] = i;
            }
        }
    }
}
