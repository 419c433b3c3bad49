using System.Buffers;
using System.Numerics;

namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// Recent messages of one group, to tell a spam wave: the same or nearly the same text from at least
/// <see cref="SpamWaveOptions.MinMembers"/> different members within the window. Texts are compared by a 64-bit
/// SimHash of character trigrams of their fold (case, width, look-alikes and separators do not matter; digits
/// are dropped so a changed phone number or counter still matches). Not thread-safe: one per group, fed in order.
/// </summary>
public sealed class SpamWaveTracker(SpamWaveOptions options)
{
    // A ring of the remembered messages, hashes apart so the comparison walks one dense array.
    private ulong[] _hashes = new ulong[16];
    private Guid[] _members = new Guid[16];
    private DateTimeOffset[] _times = new DateTimeOffset[16];
    private int _head;
    private int _count;
    private readonly HashSet<Guid> _similar = [];

    public SpamWaveOptions Options { get; } = options;

    /// <summary>Records a message; a finding when, with it, enough members sent a similar text within the window.</summary>
    public Finding? Observe(Guid memberId, string text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Observe(memberId, new MessageText(text), at);
    }

    internal Finding? Observe(Guid memberId, MessageText text, DateTimeOffset at)
    {
        while (_count > 0 && (_times[_head] <= at - Options.Window || _count >= Options.MaxEntries))
        {
            _head = (_head + 1) % _hashes.Length;
            _count--;
        }

        var (hash, length) = text.Fingerprint;
        if (length < Options.MinLength)
        {
            return null;
        }

        _similar.Clear();
        _similar.Add(memberId);
        var first = Math.Min(_count, _hashes.Length - _head);
        AddSimilar(_head, first, hash);
        AddSimilar(0, _count - first, hash);

        Enqueue(memberId, hash, at);
        return _similar.Count >= Options.MinMembers
            ? new Finding(FindingKind.SpamWave, 0, 0, $"{_similar.Count} members sent this within {Options.Window.TotalMinutes:0.#} min")
            : null;
    }

    /// <summary>The SimHash of the text's skeleton and the skeleton's length, without allocating.</summary>
    internal static (ulong Hash, int Length) Fingerprint(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var skeleton = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var length = Skeleton(text, skeleton);
        var hash = SimHash(skeleton[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return (hash, length);
    }

    /// <summary>Writes the fold of the text without its digits; returns its length.</summary>
    private static int Skeleton(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Digits go before folding (which would read 1 as l): "abc123" and "abc124" are the same spam. A digit is
        // skipped as the separator it would have been replaced with; it is never half of a surrogate pair.
        var length = 0;
        for (var i = 0; i < text.Length;)
        {
            if (char.IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var folded = CharFold.FoldAt(text, i, out var width, out _);
            if (folded != CharFold.Skipped)
            {
                destination[length++] = folded;
            }

            i += width;
        }

        return length;
    }

    internal static ulong SimHash(ReadOnlySpan<char> skeleton)
    {
        // A bit of the hash is set when more trigram hashes have it than not. The ones are counted eight bit
        // positions at a time in the bytes of a ulong (bit 8m + j goes to byte m of lane j), flushed before a
        // byte could overflow.
        const ulong LowBits = 0x0101010101010101UL;
        Span<int> ones = stackalloc int[64];
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        var trigrams = Math.Max(0, skeleton.Length - 2);
        for (var i = 0; i < trigrams; i++)
        {
            var h = Fnv(skeleton.Slice(i, 3));
            l0 += h & LowBits;
            l1 += (h >> 1) & LowBits;
            l2 += (h >> 2) & LowBits;
            l3 += (h >> 3) & LowBits;
            l4 += (h >> 4) & LowBits;
            l5 += (h >> 5) & LowBits;
            l6 += (h >> 6) & LowBits;
            l7 += (h >> 7) & LowBits;
            if (i % 255 == 254 || i == trigrams - 1)
            {
                ReadOnlySpan<ulong> lanes = [l0, l1, l2, l3, l4, l5, l6, l7];
                for (var j = 0; j < 8; j++)
                {
                    for (var m = 0; m < 8; m++)
                    {
                        ones[(8 * m) + j] += (int)((lanes[j] >> (8 * m)) & 0xFF);
                    }
                }

                l0 = l1 = l2 = l3 = l4 = l5 = l6 = l7 = 0;
            }
        }

        ulong hash = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit] > trigrams)
            {
                hash |= 1UL << bit;
            }
        }

        return hash;
    }

    internal static ulong Fnv(ReadOnlySpan<char> chars)
    {
        var h = 14695981039346656037UL;
        foreach (var c in chars)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        // FNV's low bits mix poorly for three characters; a final avalanche spreads them over all 64.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }

    private void AddSimilar(int from, int count, ulong hash)
    {
        var hashes = _hashes.AsSpan(from, count);
        var most = Options.MaxDistance;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (BitOperations.PopCount(hashes[i] ^ hash) <= most)
            {
                _similar.Add(_members[from + i]);
            }
        }
    }

    private void Enqueue(Guid memberId, ulong hash, DateTimeOffset at)
    {
        if (_count == _hashes.Length)
        {
            Grow();
        }

        var tail = (_head + _count) % _hashes.Length;
        _hashes[tail] = hash;
        _members[tail] = memberId;
        _times[tail] = at;
        _count++;
    }

    private void Grow()
    {
        var capacity = _hashes.Length * 2;
        _hashes = Unroll(_hashes, capacity);
        _members = Unroll(_members, capacity);
        _times = Unroll(_times, capacity);
        _head = 0;
    }

    /// <summary>The ring's entries, oldest first, at the start of a larger array.</summary>
    private T[] Unroll<T>(T[] ring, int capacity)
    {
        var copy = new T[capacity];
        var first = Math.Min(_count, ring.Length - _head);
        Array.Copy(ring, _head, copy, 0, first);
        Array.Copy(ring, 0, copy, first, _count - first);
        return copy;
    }
}

/// <summary>Spam-wave settings: members, window, how short a message is ignored, how near is "nearly the same".</summary>
public sealed record SpamWaveOptions
{
    public static SpamWaveOptions Default { get; } = new();

    public int MinMembers { get; init; } = 3;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages shorter than this once folded ("ok", "+1", "好的") never make a wave.</summary>
    public int MinLength { get; init; } = 8;

    /// <summary>Most differing SimHash bits of two texts that count as the same.</summary>
    public int MaxDistance { get; init; } = 6;

    /// <summary>Most messages remembered per group (the oldest go first).</summary>
    public int MaxEntries { get; init; } = 2000;
}
