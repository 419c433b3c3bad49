using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qunyun.Engine.Moderation;

/// <summary>
/// The compiled automaton. Immutable after construction, so one instance serves any number of threads.
/// The scan reads one class per UTF-16 unit (the class table already contains the fold), skips separators without
/// touching the state, and follows failure links only when a goto is missing.
/// </summary>
internal sealed class Automaton(ushort[] classOf, long[] cells, int[] fail, int[] outputLink, int[] wordStarts, int[] words, int stateCount)
{
    public int StateCount { get; } = stateCount;

    public long MemoryBytes =>
        (classOf.Length * sizeof(ushort)) + (cells.Length * sizeof(long)) + ((fail.Length + outputLink.Length + wordStarts.Length + words.Length) * sizeof(int));

    public int SlotCount => cells.Length;

    /// <summary>Calls <paramref name="sink"/> for every (state, end) where some word ends; stops when it returns false.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IStateSink, allows ref struct
    {
        ref var classes = ref MemoryMarshal.GetArrayDataReference(classOf);
        ref var cellRef = ref MemoryMarshal.GetArrayDataReference(cells);
        ref var failRef = ref MemoryMarshal.GetArrayDataReference(fail);
        var rootCell = cellRef;
        var state = 0;
        var cell = rootCell;
        for (var i = 0; i < text.Length; i++)
        {
            int cls = Unsafe.Add(ref classes, text[i]);
            if (cls < AutomatonBuilder.FirstLetterClass)
            {
                if (cls == AutomatonBuilder.SkipClass)
                {
                    continue;
                }

                if (cls == AutomatonBuilder.SurrogateClass)
                {
                    cls = SupplementaryClass(text, ref i);
                }

                if (cls == AutomatonBuilder.SkipClass)
                {
                    continue;
                }

                if (cls == AutomatonBuilder.BreakClass)
                {
                    state = 0;
                    cell = rootCell;
                    continue;
                }
            }

            var t = ((int)cell & int.MaxValue) + cls;
            var next = Unsafe.Add(ref cellRef, t);
            if ((int)(next >> 32) == state)
            {
                state = t;
                cell = next;
            }
            else
            {
                while (state != 0)
                {
                    state = Unsafe.Add(ref failRef, state);
                    cell = Unsafe.Add(ref cellRef, state);
                    t = ((int)cell & int.MaxValue) + cls;
                    next = Unsafe.Add(ref cellRef, t);
                    if ((int)(next >> 32) == state)
                    {
                        state = t;
                        cell = next;
                        break;
                    }
                }
            }

            if ((int)cell < 0 && !Report(text, i + 1, state, ref sink))
            {
                return;
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
        for (var s = state; s >= 0; s = outputLink[s])
        {
            for (var w = wordStarts[s]; w < wordStarts[s + 1]; w++)
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
