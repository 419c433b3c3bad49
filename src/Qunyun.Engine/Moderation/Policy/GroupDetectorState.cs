using Qunyun.Engine.Moderation.Detectors;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// The recent past of one group that flood and spam-wave rules need: a flood window per rule and member, a spam-wave
/// tracker per rule. Fed in event order by one writer; not thread-safe. A rule whose parameters change gets fresh
/// state (the key includes them). Windows of members who went quiet are dropped as the group's time moves on.
/// </summary>
public sealed class GroupDetectorState
{
    private readonly Dictionary<(string Rule, Guid Member), FloodWindow> _floods = [];
    private readonly Dictionary<string, SpamWaveTracker> _waves = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rule, Guid Member), DateTimeOffset> _lastSeen = [];
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public int TrackedWindows => _floods.Count;

    public Finding? RecordFlood(RuleDefinition rule, Guid memberId, DateTimeOffset at)
    {
        var window = TimeSpan.FromSeconds(rule.WindowSeconds ?? 10);
        var key = ($"{rule.Key}/{rule.Threshold}/{rule.WindowSeconds}", memberId);
        if (!_floods.TryGetValue(key, out var flood))
        {
            _floods[key] = flood = new FloodWindow(rule.Threshold ?? 5, window);
        }

        _lastSeen[key] = at;
        Sweep(at);
        return flood.Record(at);
    }

    public Finding? ObserveWave(RuleDefinition rule, Guid memberId, string text, DateTimeOffset at)
    {
        var key = $"{rule.Key}/{rule.Threshold}/{rule.WindowSeconds}";
        if (!_waves.TryGetValue(key, out var tracker))
        {
            var options = new SpamWaveOptions { MinMembers = rule.Threshold ?? 3, Window = TimeSpan.FromSeconds(rule.WindowSeconds ?? 600) };
            _waves[key] = tracker = new SpamWaveTracker(options);
        }

        return tracker.Observe(memberId, text, at);
    }

    /// <summary>Once per simulated hour, forgets flood windows idle for longer than a day (longer than any window).</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, seen) in _lastSeen.Where(e => now - e.Value > TimeSpan.FromDays(1)).ToList())
        {
            _lastSeen.Remove(key);
            _floods.Remove(key);
        }
    }
}
