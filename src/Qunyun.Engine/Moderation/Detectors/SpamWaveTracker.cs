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
    private readonly Queue<Entry> _entries = new();

    public SpamWaveOptions Options { get; } = options;

    /// <summary>Records a message; a finding when, with it, enough members sent a similar text within the window.</summary>
    public Finding? Observe(Guid memberId, string text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        while (_entries.Count > 0 && (_entries.Peek().At <= at - Options.Window || _entries.Count >= Options.MaxEntries))
        {
            _entries.Dequeue();
        }

        var skeleton = Skeleton(text);
        if (skeleton.Length < Options.MinLength)
        {
            return null;
        }

        var hash = SimHash(skeleton);
        var members = new HashSet<Guid> { memberId };
        foreach (var entry in _entries)
        {
            if (BitOperations.PopCount(entry.Hash ^ hash) <= Options.MaxDistance)
            {
                members.Add(entry.MemberId);
            }
        }

        _entries.Enqueue(new Entry(memberId, hash, at));
        return members.Count >= Options.MinMembers
            ? new Finding(FindingKind.SpamWave, 0, 0, $"{members.Count} members sent this within {Options.Window.TotalMinutes:0.#} min")
            : null;
    }

    internal static string Skeleton(string text)
    {
        // Digits go before folding (which would read 1 as l): "abc123" and "abc124" are the same spam.
        var withoutDigits = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsDigit(source[i]) ? ' ' : source[i];
            }
        });
        return TextFolder.FoldToString(withoutDigits);
    }

    internal static ulong SimHash(string skeleton)
    {
        Span<int> weights = stackalloc int[64];
        for (var i = 0; i + 3 <= skeleton.Length; i++)
        {
            var h = Fnv(skeleton.AsSpan(i, 3));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((h >> bit) & 1) != 0 ? 1 : -1;
            }
        }

        ulong hash = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                hash |= 1UL << bit;
            }
        }

        return hash;
    }

    private static ulong Fnv(ReadOnlySpan<char> chars)
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

    private readonly record struct Entry(Guid MemberId, ulong Hash, DateTimeOffset At);
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
