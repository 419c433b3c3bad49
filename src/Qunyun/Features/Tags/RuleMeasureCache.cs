using Qunyun.Engine.Events;
using Qunyun.Engine.Pipeline;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

/// <summary>
/// Each rule tag's measure per member as the last batch left it, for the window it was measured over, kept in the
/// pipeline's warm state (<see cref="Events.PipelineBatch.Warm{T}"/>): a member measured once is then kept current by
/// adding what each batch brings, so a batch queries only the members it has not seen. A changed rule, a new window
/// (the next day) or a full cache starts that rule afresh.
/// </summary>
internal sealed class RuleMeasureCache
{
    private const int MaxMembersPerRule = 100_000;

    private sealed record Entry(TagRule Rule, RuleWindow Window, Dictionary<Guid, long> Values);

    private readonly Dictionary<Guid, Entry> _byTag = [];

    public TimeZoneInfo? Zone { get; set; }

    /// <summary>The measures known for <paramref name="tag"/> over <paramref name="window"/> (empty when starting afresh).</summary>
    public Dictionary<Guid, long> For(RuleTag tag, RuleWindow window)
    {
        if (!_byTag.TryGetValue(tag.Id, out var entry) || entry.Rule != tag.Rule || entry.Window != window || entry.Values.Count > MaxMembersPerRule)
        {
            _byTag[tag.Id] = entry = new Entry(tag.Rule, window, []);
        }

        return entry.Values;
    }

    /// <summary>What this batch adds to a member's measure for <paramref name="rule"/>.</summary>
    public static Dictionary<Guid, long> BatchDeltas(TagRule rule, RuleWindow window, IReadOnlyDictionary<MemberDayKey, MemberDayCounts> memberDays,
        IReadOnlyDictionary<Guid, Guid> channelOfGroup, IEnumerable<MemberFact> facts)
    {
        var deltas = new Dictionary<Guid, long>();
        if (rule.Metric.ReadsRollups())
        {
            foreach (var (key, counts) in memberDays)
            {
                if (key.Day >= window.FirstDay && (rule.GroupId is not { } group || key.GroupId == group)
                    && (rule.ChannelId is not { } channel || channelOfGroup.GetValueOrDefault(key.GroupId) == channel))
                {
                    deltas[key.MemberId] = deltas.GetValueOrDefault(key.MemberId) + (rule.Metric == RuleMetric.Messages ? counts.Messages : counts.Reactions);
                }
            }

            return deltas;
        }

        var kind = rule.Metric.Kind().WireName();
        var topic = rule.Topic ?? "";
        foreach (var fact in facts)
        {
            if (fact.Kind == kind && fact.Topic == topic && fact.OccurredAt >= window.StartUtc && (rule.GroupId is not { } group || fact.GroupId == group)
                && (rule.ChannelId is not { } channel || fact.ChannelId == channel) && (rule.Currency is not { } currency || fact.Currency == currency))
            {
                deltas[fact.MemberId] = deltas.GetValueOrDefault(fact.MemberId) + (rule.Metric == RuleMetric.PurchaseAmount ? fact.AmountTenThousandths : 1);
            }
        }

        return deltas;
    }
}
