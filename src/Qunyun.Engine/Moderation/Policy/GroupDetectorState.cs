using System.Runtime.InteropServices;
using Qunyun.Engine.Moderation.Detectors;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// The recent past of one group that flood and spam-wave rules need: a flood window per rule and member, a spam-wave
/// tracker per rule. Fed in event order by one writer; not thread-safe. A rule whose parameters change gets fresh
/// state (the key includes them). Windows of members who went quiet are dropped as the group's time moves on.
/// </summary>
public sealed class GroupDetectorState
{
    private readonly Dictionary<(RuleKey Rule, Guid Member), Flood> _floods = [];
    private readonly Dictionary<RuleKey, SpamWaveTracker> _waves = [];
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;
    private int _sinceSweep;

    public int TrackedWindows => _floods.Count;

    public Finding? RecordFlood(RuleDefinition rule, Guid memberId, DateTimeOffset at)
    {
        ref var flood = ref CollectionsMarshal.GetValueRefOrAddDefault(_floods, (RuleKey.Of(rule), memberId), out var exists);
        if (!exists)
        {
            flood.Window = new FloodWindow(rule.Threshold ?? 5, TimeSpan.FromSeconds(rule.WindowSeconds ?? 10));
        }

        flood.LastSeen = at;
        var window = flood.Window;
        Sweep(at);
        return window.Record(at);
    }

    public Finding? ObserveWave(RuleDefinition rule, Guid memberId, string text, DateTimeOffset at) =>
        ObserveWave(rule, memberId, new MessageText(text), at);

    internal Finding? ObserveWave(RuleDefinition rule, Guid memberId, MessageText text, DateTimeOffset at)
    {
        ref var tracker = ref CollectionsMarshal.GetValueRefOrAddDefault(_waves, RuleKey.Of(rule), out var exists);
        if (!exists)
        {
            tracker = new SpamWaveTracker(new SpamWaveOptions { MinMembers = rule.Threshold ?? 3, Window = TimeSpan.FromSeconds(rule.WindowSeconds ?? 600) });
        }

        return tracker!.Observe(memberId, text, at);
    }

    /// <summary>
    /// Forgets flood windows idle for longer than a day (longer than any window), at most once per hour of the group's
    /// time and not before as many messages as there are windows came in: a sweep costs O(1) per message.
    /// </summary>
    private void Sweep(DateTimeOffset now)
    {
        if (++_sinceSweep < _floods.Count || now - _lastSweep < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastSweep = now;
        _sinceSweep = 0;
        foreach (var (key, flood) in _floods)
        {
            if (now - flood.LastSeen > TimeSpan.FromDays(1))
            {
                _floods.Remove(key);
            }
        }
    }

    /// <summary>A rule with its parameters: the state of a rule whose threshold or window changes starts over.</summary>
    private readonly record struct RuleKey(string Key, int? Threshold, int? WindowSeconds)
    {
        public static RuleKey Of(RuleDefinition rule) => new(rule.Key, rule.Threshold, rule.WindowSeconds);
    }

    private struct Flood
    {
        public FloodWindow Window;
        public DateTimeOffset LastSeen;
    }
}
