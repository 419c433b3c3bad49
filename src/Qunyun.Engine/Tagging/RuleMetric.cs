using Qunyun.Engine.Events;

namespace Qunyun.Engine.Tagging;

/// <summary>What a rule measures over its window: a count of one kind of event, or the sum of purchase amounts.</summary>
public enum RuleMetric
{
    Messages,
    Reactions,
    CheckIns,
    InvitesAccepted,
    ContentViews,
    EventsAttended,
    Purchases,
    PurchaseAmount,
}

public static class RuleMetrics
{
    /// <summary>The kind of event the metric counts (or sums, for <see cref="RuleMetric.PurchaseAmount"/>).</summary>
    public static EventKind Kind(this RuleMetric metric) => metric switch
    {
        RuleMetric.Messages => EventKind.Message,
        RuleMetric.Reactions => EventKind.Reaction,
        RuleMetric.CheckIns => EventKind.CheckIn,
        RuleMetric.InvitesAccepted => EventKind.InviteAccepted,
        RuleMetric.ContentViews => EventKind.ContentViewed,
        RuleMetric.EventsAttended => EventKind.EventAttended,
        _ => EventKind.Purchase,
    };

    /// <summary>Only content, events and purchases carry topics.</summary>
    public static bool HasTopics(this RuleMetric metric) =>
        metric is RuleMetric.ContentViews or RuleMetric.EventsAttended or RuleMetric.Purchases or RuleMetric.PurchaseAmount;

    /// <summary>Messages and reactions are counted from the daily rollups; the other kinds from one fact per event.</summary>
    public static bool ReadsRollups(this RuleMetric metric) => metric is RuleMetric.Messages or RuleMetric.Reactions;

    /// <summary>The event kinds whose facts the rules read (every metric that does not read the rollups).</summary>
    public static bool IsFactKind(this EventKind kind) =>
        kind is EventKind.CheckIn or EventKind.InviteAccepted or EventKind.ContentViewed or EventKind.EventAttended or EventKind.Purchase;
}
