namespace Qunyun.Engine.Moderation;

/// <summary>
/// Builds the Aho–Corasick automaton over folded words and lays its goto function out as a double array:
/// the child of state <c>s</c> on class <c>c</c> is slot <c>base[s] + c</c> if <c>check[base[s] + c] == s</c>.
/// Base and check share one 64-bit cell so a transition costs one memory read.
/// </summary>
internal sealed class AutomatonBuilder
{
    public const int BreakClass = 0;
    public const int SkipClass = 1;
    public const int SurrogateClass = 2;
    public const int FirstLetterClass = 3;
    public const int OutputFlag = int.MinValue;

    private readonly List<Dictionary<int, int>?> _children = [null];
    private readonly List<List<int>?> _words = [null];
    private int[] _fail = [];
    private int[]? _parents;

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

        // Frequent characters get small classes: the root's children then pack densely at the start of the array.
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
        var fail = _fail = new int[NodeCount];
        var outputLink = new int[NodeCount];
        Array.Fill(outputLink, -1);
        foreach (var node in order)
        {
            if (_children[node] is not { } children)
            {
                continue;
            }

            foreach (var (cls, child) in children)
            {
                var f = node == 0 ? 0 : NextFromFail(fail[node], cls);
                fail[child] = f;
                outputLink[child] = _words[f] is not null ? f : outputLink[f];
            }
        }

        var slots = Place(order, out var bases, out var length);
        var cells = new long[length];
        Array.Fill(cells, -1L << 32);
        var slotFail = new int[length];
        var slotOutput = new int[length];
        Array.Fill(slotOutput, -1);
        var wordStarts = new int[length + 1];
        var wordsBySlot = new List<int>?[length];
        for (var node = 0; node < NodeCount; node++)
        {
            var slot = slots[node];
            var hasOutput = _words[node] is not null || outputLink[node] >= 0;
            var check = node == 0 ? -1 : slots[Parent(node)];
            cells[slot] = ((long)check << 32) | (uint)(bases[node] | (hasOutput ? OutputFlag : 0));
            slotFail[slot] = slots[fail[node]];
            slotOutput[slot] = outputLink[node] >= 0 ? slots[outputLink[node]] : -1;
            wordsBySlot[slot] = _words[node];
        }

        var flatWords = new List<int>();
        for (var slot = 0; slot < length; slot++)
        {
            wordStarts[slot] = flatWords.Count;
            if (wordsBySlot[slot] is { } words)
            {
                flatWords.AddRange(words);
            }
        }

        wordStarts[length] = flatWords.Count;
        return new Automaton(ClassOf, cells, slotFail, slotOutput, wordStarts, [.. flatWords], NodeCount);
    }

    private int Parent(int node)
    {
        if (_parents is null)
        {
            _parents = new int[NodeCount];
            for (var n = 0; n < NodeCount; n++)
            {
                if (_children[n] is { } children)
                {
                    foreach (var child in children.Values)
                    {
                        _parents[child] = n;
                    }
                }
            }
        }

        return _parents[node];
    }

    private int NextFromFail(int state, int cls)
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

            state = _fail[state];
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

    /// <summary>First-fit placement of each state's children, in breadth-first order.</summary>
    private int[] Place(List<int> order, out int[] bases, out int length)
    {
        var slots = new int[NodeCount];
        bases = new int[NodeCount];
        var used = new bool[Math.Max(1024, NodeCount * 2 + AlphabetSize)];
        used[0] = true;
        var firstFree = 1;
        var classes = new List<int>();
        var maxSlot = 0;
        foreach (var node in order)
        {
            if (_children[node] is not { } children)
            {
                continue;
            }

            classes.Clear();
            classes.AddRange(children.Keys);
            classes.Sort();
            var lowest = classes[0];
            for (var p = Math.Max(firstFree, lowest); ; p++)
            {
                EnsureCapacity(ref used, p + AlphabetSize + 1);
                if (used[p])
                {
                    continue;
                }

                var b = p - lowest;
                if (!Fits(used, b, classes))
                {
                    continue;
                }

                bases[node] = b;
                foreach (var cls in classes)
                {
                    used[b + cls] = true;
                    slots[children[cls]] = b + cls;
                    maxSlot = Math.Max(maxSlot, b + cls);
                }

                break;
            }

            while (firstFree < used.Length && used[firstFree])
            {
                firstFree++;
            }
        }

        length = Math.Max(maxSlot, bases.Length == 0 ? 0 : bases.Max()) + AlphabetSize + 1;
        return slots;
    }

    private static bool Fits(bool[] used, int b, List<int> classes)
    {
        for (var i = 1; i < classes.Count; i++)
        {
            if (used[b + classes[i]])
            {
                return false;
            }
        }

        return true;
    }

    private static void EnsureCapacity(ref bool[] used, int size)
    {
        if (size > used.Length)
        {
            Array.Resize(ref used, Math.Max(size, used.Length * 2));
        }
    }
}
