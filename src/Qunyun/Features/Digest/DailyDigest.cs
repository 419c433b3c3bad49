using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Digest;
using Qunyun.Engine.Events;
using Qunyun.Engine.Plan;
using Qunyun.Features.Events;
using Qunyun.Features.Moderation;

namespace Qunyun.Features.Digest;

/// <summary>A group's local day: its messages with replies, reactions, picks and moderation, and the highlights picked from them.</summary>
public sealed record DigestDay(Guid GroupId, DateOnly Day, IReadOnlyList<HighlightCandidate> Messages, IReadOnlyList<Highlight> Highlights);

public static class DailyDigest
{
    /// <summary>Messages are read for the digest up to this many per day (a busy group's day fits; a flood is cut).</summary>
    public const int MaxEventsPerDay = 20_000;

    public static async Task<DigestDay> BuildAsync(QunyunDb db, Guid groupId, DateOnly day, TimeZoneInfo zone, int count, CancellationToken cancellationToken)
    {
        var start = Occurrences.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone).UtcDateTime;
        var end = Occurrences.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone).UtcDateTime;
        string[] kinds = [EventKind.Message.WireName(), EventKind.Reaction.WireName()];
        var events = await db.Events.AsNoTracking()
            .Where(e => e.GroupId == groupId && e.OccurredAt >= start && e.OccurredAt < end && kinds.Contains(e.Kind))
            .OrderBy(e => e.OccurredAt).Take(MaxEventsPerDay)
            .Select(e => new { e.Id, e.Kind, e.ExternalEventId, e.ExternalUserId, e.OccurredAt, e.Payload })
            .ToListAsync(cancellationToken);
        var parsed = events.Select(e => (e.Id, e.Kind, e.ExternalEventId, e.ExternalUserId, e.OccurredAt, Payload: EventPayload.Read(e.Payload))).ToList();
        var messages = parsed.Where(e => e.Kind == "message" && !string.IsNullOrWhiteSpace(e.Payload.Message?.Text)).ToList();
        var ids = messages.Select(m => m.Id).ToList();

        var replies = parsed.Where(e => e.Payload.Message?.ReplyToExternalEventId is not null)
            .GroupBy(e => e.Payload.Message!.ReplyToExternalEventId!).ToDictionary(g => g.Key, g => g.Count());
        var reactions = parsed.Where(e => e.Payload.Reaction?.TargetExternalEventId is not null)
            .GroupBy(e => e.Payload.Reaction!.TargetExternalEventId!).ToDictionary(g => g.Key, g => g.Count());
        var picks = (await db.StaffPicks.Where(p => ids.Contains(p.EventId)).Select(p => p.EventId).ToListAsync(cancellationToken)).ToHashSet();
        var moderated = (await db.ModerationDecisions
            .Where(d => d.EventId != null && ids.Contains(d.EventId.Value) && d.Status == DecisionStatus.Applied)
            .Select(d => d.EventId!.Value).ToListAsync(cancellationToken)).ToHashSet();

        var candidates = messages.Select(m => new HighlightCandidate(
            m.Id, m.Payload.UserDisplayName ?? m.ExternalUserId ?? "?", m.Payload.Message!.Text!.Trim(), m.OccurredAt,
            replies.GetValueOrDefault(m.ExternalEventId), reactions.GetValueOrDefault(m.ExternalEventId), picks.Contains(m.Id), moderated.Contains(m.Id))).ToList();
        return new DigestDay(groupId, day, candidates, Highlights.Pick(candidates, count));
    }
}
