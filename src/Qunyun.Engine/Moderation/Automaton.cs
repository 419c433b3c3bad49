using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qunyun.Engine.Moderation;

/// <summary>
/// The compiled automaton (see <see cref="AutomatonBuilder"/> for the layout). Immutable, so one instance serves any
/// number of threads. Per UTF-16 unit the scan reads one class (the class table already contains the fold) and one
/// cell; separators leave the state alone; a missing edge of a complete state goes straight to the root's row.
/// </summary>
internal sealed class Automaton(
    ushort[] classOf, long[] cells, int[] rootNext, int root, int[] fail, int[] outputBase, int[] wordStarts, int[] words, int stateCount)
{
    public int StateCount { get; } = stateCount;

    public long MemoryBytes =>
        (classOf.Length * sizeof(ushort)) + (cells.Length * sizeof(long))
        + ((rootNext.Length + fail.Length + outputBase.Length + wordStarts.Length + words.Length) * sizeof(int));

    /// <summary>Calls <paramref name="sink"/> for every word that ends at some position; stops when it returns false.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IStateSink, allows ref struct
    {
        ref var classes = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var cellRef = ref MemoryMarshal.GetArrayDataReference(cells);
        ref var rootRef = ref MemoryMarshal.GetArrayDataReference(rootNext);
        var state = root;
        for (var i = 0; i < text.Length; i++)
        {
            int cls = Unsafe.Add(ref classes, text[i]);
            if (cls == AutomatonBuilder.SurrogateClass)
            {
                cls = SupplementaryClass(text, ref i);
            }

            // Written so the JIT can use conditional moves: hit or miss, letter or separator, no branch to mispredict.
            var cell = Unsafe.Add(ref cellRef, (state & AutomatonBuilder.BaseMask) + cls);
            var fromRoot = Unsafe.Add(ref rootRef, cls);
            var hit = (int)(cell >> 32) == state;
            var next = hit ? (int)cell : fromRoot;
            if (!hit && (state & AutomatonBuilder.CompleteFlag) == 0 && cls != AutomatonBuilder.SkipClass)
            {
                next = FollowFailure(state, cls);
            }

            var letter = cls != AutomatonBuilder.SkipClass;
            state = letter ? next : state;
            if (next < 0 && letter && !Report(text, i + 1, state, ref sink))
            {
                return;
            }
        }
    }

    /// <summary>Only states beyond the DFA budget get here (pathological lists).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FollowFailure(int state, int cls)
    {
        while (true)
        {
            if ((state & AutomatonBuilder.CompleteFlag) != 0)
            {
                return rootNext[cls];
            }

            state = fail[state & AutomatonBuilder.BaseMask];
            var cell = cells[(state & AutomatonBuilder.BaseMask) + cls];
            if ((int)(cell >> 32) == state)
            {
                return (int)cell;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SupplementaryClass(ReadOnlySpan<char> text, ref int i)
    {
        var folded = CharFold.FoldAt(text, i, out var width, out _);
        i += width - 1;
        return folded switch
        {
            CharFold.Skipped => AutomatonBuilder.SkipClass,
            CharFold.Unmatched => AutomatonBuilder.BreakClass,
            _ => classOf[folded],
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Report<TSink>(ReadOnlySpan<char> text, int end, int state, ref TSink sink)
        where TSink : IStateSink, allows ref struct
    {
        for (var b = state & AutomatonBuilder.BaseMask; b >= 0; b = outputBase[b])
        {
            for (var w = wordStarts[b]; w < wordStarts[b + 1]; w++)
            {
                if (!sink.OnWord(text, words[w], end))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

internal interface IStateSink
{
    /// <summary>Word <paramref name="wordIndex"/> ends just before <paramref name="end"/>; false stops the scan.</summary>
    bool OnWord(ReadOnlySpan<char> text, int wordIndex, int end);
}
