using System.Linq.Expressions;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

/// <summary>A member's measure for one rule: a count, or a sum of amounts in ten-thousandths.</summary>
public sealed class MemberMeasure
{
    public Guid MemberId { get; init; }
    public long Value { get; init; }
}

/// <summary>
/// A rule as SQL, the same on SQLite and PostgreSQL: messages and reactions summed from the daily rollups, the other
/// kinds counted (or their amounts summed) from <see cref="MemberFact"/> rows, grouped by member. The comparison is
/// the engine's (<see cref="TagRule.HoldsFor(long, bool)"/>), written again as an expression for the whole-workspace recheck.
/// </summary>
internal static class RuleMeasures
{
    public static IQueryable<MemberMeasure> Of(QunyunDb db, TagRule rule, RuleWindow window, IReadOnlyCollection<Guid>? members = null)
    {
        if (rule.Metric.ReadsRollups())
        {
            var days = db.MemberDays.Where(d => d.Day >= window.FirstDay);
            days = members is null ? days : days.Where(d => members.Contains(d.MemberId));
            days = rule.GroupId is { } group ? days.Where(d => d.GroupId == group) : days;
            days = rule.ChannelId is { } channel ? days.Where(d => db.Groups.Any(g => g.Id == d.GroupId && g.ChannelId == channel)) : days;
            return rule.Metric == RuleMetric.Messages
                ? days.GroupBy(d => d.MemberId).Select(m => new MemberMeasure { MemberId = m.Key, Value = m.Sum(d => (long)d.Messages) })
                : days.GroupBy(d => d.MemberId).Select(m => new MemberMeasure { MemberId = m.Key, Value = m.Sum(d => (long)d.Reactions) });
        }

        var kind = rule.Metric.Kind().WireName();
        var topic = rule.Topic ?? "";
        var facts = db.MemberFacts.Where(f => f.Kind == kind && f.Topic == topic && f.OccurredAt >= window.StartUtc);
        facts = members is null ? facts : facts.Where(f => members.Contains(f.MemberId));
        facts = rule.GroupId is { } inGroup ? facts.Where(f => f.GroupId == inGroup) : facts;
        facts = rule.ChannelId is { } onChannel ? facts.Where(f => f.ChannelId == onChannel) : facts;
        facts = rule.Currency is { } currency ? facts.Where(f => f.Currency == currency) : facts;
        return rule.Metric == RuleMetric.PurchaseAmount
            ? facts.GroupBy(f => f.MemberId).Select(m => new MemberMeasure { MemberId = m.Key, Value = m.Sum(f => f.AmountTenThousandths) })
            : facts.GroupBy(f => f.MemberId).Select(m => new MemberMeasure { MemberId = m.Key, Value = m.LongCount() });
    }

    /// <summary>The members a rule that holds without activity can apply to: its group's, its channel's, or all.</summary>
    public static IQueryable<Guid> Scope(QunyunDb db, TagRule rule) =>
        rule.GroupId is { } group ? db.Memberships.Where(m => m.GroupId == group && m.LeftAt == null).Select(m => m.MemberId)
        : rule.ChannelId is { } channel ? db.MemberIdentities.Where(i => i.ChannelId == channel).Select(i => i.MemberId)
        : db.Members.Select(m => m.Id);

    /// <summary>Every member of the workspace who holds the rule now.</summary>
    public static IQueryable<Guid> Holders(QunyunDb db, TagRule rule, RuleWindow window)
    {
        var measures = Of(db, rule, window);
        var threshold = rule.ScaledThreshold();
        if (!rule.HoldsWithoutActivity())
        {
            return measures.Where(Satisfies(rule.Comparison, threshold)).Select(m => m.MemberId);
        }

        var failing = measures.Where(Fails(rule.Comparison, threshold)).Select(m => m.MemberId);
        return Scope(db, rule).Where(id => !failing.Contains(id));
    }

    private static Expression<Func<MemberMeasure, bool>> Satisfies(RuleComparison comparison, long threshold) => comparison switch
    {
        RuleComparison.AtLeast => m => m.Value >= threshold,
        RuleComparison.MoreThan => m => m.Value > threshold,
        RuleComparison.AtMost => m => m.Value <= threshold,
        RuleComparison.LessThan => m => m.Value < threshold,
        _ => m => m.Value == threshold,
    };

    private static Expression<Func<MemberMeasure, bool>> Fails(RuleComparison comparison, long threshold) => comparison switch
    {
        RuleComparison.AtLeast => m => m.Value < threshold,
        RuleComparison.MoreThan => m => m.Value <= threshold,
        RuleComparison.AtMost => m => m.Value > threshold,
        RuleComparison.LessThan => m => m.Value >= threshold,
        _ => m => m.Value != threshold,
    };
}
