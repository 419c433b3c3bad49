using Qunyun.Data;

namespace Qunyun.Features.Moderation;

public static class DecisionQueries
{
    public static IQueryable<ModerationDecision> Filter(this IQueryable<ModerationDecision> decisions, DecisionFilter filter)
    {
        if (filter.GroupId is { } group)
        {
            decisions = decisions.Where(d => d.GroupId == group);
        }

        if (filter.MemberId is { } member)
        {
            decisions = decisions.Where(d => d.MemberId == member);
        }

        if (!string.IsNullOrWhiteSpace(filter.Rule))
        {
            var rule = filter.Rule.Trim();
            decisions = decisions.Where(d => d.RuleKey == rule);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim().ToLowerInvariant();
            decisions = decisions.Where(d => d.Actions.Contains(action));
        }

        if (filter.Status is { } status)
        {
            decisions = decisions.Where(d => d.Status == status);
        }

        if (filter.From is { } from)
        {
            decisions = decisions.Where(d => d.OccurredAt >= from.UtcDateTime);
        }

        if (filter.To is { } to)
        {
            decisions = decisions.Where(d => d.OccurredAt < to.UtcDateTime);
        }

        return decisions;
    }

    public static IQueryable<DecisionResponse> ToResponses(this IQueryable<ModerationDecision> decisions, QunyunDb db) =>
        decisions.Select(d => new DecisionResponse(
            d.Id, d.EventId, d.ExternalEventId, d.GroupId,
            db.Groups.Where(g => g.Id == d.GroupId).Select(g => g.Name).FirstOrDefault(),
            d.MemberId,
            db.Members.Where(m => m.Id == d.MemberId).Select(m => m.DisplayName).FirstOrDefault(),
            d.RuleKey, d.Detector, d.RuleSetVersionId, d.VersionLabel, d.Matched, d.SpanStart, d.SpanLength, d.Hits, d.Actions, d.Strike,
            d.Actor, d.Status, d.ReversesId, d.Note, d.Excerpt, d.OccurredAt, d.CreatedAt, d.ReviewedBy, d.ReviewedAt));
}
