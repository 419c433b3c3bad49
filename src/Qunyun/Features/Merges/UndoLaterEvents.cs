using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Merging;
using Qunyun.Engine.Scoring;
using Qunyun.Features.Events;

namespace Qunyun.Features.Merges;

/// <summary>An event as an undo sorts it: by id, identity and, for the ones that arrived after the merge, what it counted for.</summary>
public sealed record EventRef(long Id, Guid ChannelId, string ExternalUserId, Guid? GroupId);

public sealed record LaterEvent(long Id, EventKind Kind, DateTime OccurredAt, Guid? GroupId, bool IsReply);

/// <summary>
/// The rule for events that arrived after a merge: an event from one of the absorbed member's identities goes back
/// with its identity, and so do its counts (its day row, its share of the activity score, its last-active time).
/// </summary>
internal static class UndoLaterEvents
{
    /// <summary>The member's events that came from one of these identities (channel, external user id).</summary>
    public static async Task<List<EventRef>> FromIdentitiesAsync(
        QunyunDb db, Guid memberId, IEnumerable<(Guid Channel, string External)> identities, CancellationToken cancellationToken)
    {
        var keys = identities.ToHashSet();
        var externals = keys.Select(k => k.External).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => e.MemberId == memberId && externals.Contains(e.ExternalUserId!))
            .Select(e => new EventRef(e.Id, e.ChannelId, e.ExternalUserId!, e.GroupId)).ToListAsync(cancellationToken);
        return events.Where(e => keys.Contains((e.ChannelId, e.ExternalUserId))).ToList();
    }

    public static async Task<List<LaterEvent>> LoadAsync(QunyunDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.OccurredAt, e.GroupId, e.Payload }).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            EventKinds.TryParse(r.Kind, out var kind);
            return new LaterEvent(r.Id, kind, r.OccurredAt, r.GroupId, kind == EventKind.Message && EventPayload.Read(r.Payload).Message?.ReplyToExternalEventId is not null);
        }).ToList();
    }

    public static async Task MoveAsync(QunyunDb db, IReadOnlyCollection<long> ids, Guid from, Guid to, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(5000))
        {
            await db.Events.Where(e => chunk.Contains(e.Id) && e.MemberId == from).ExecuteUpdateAsync(s => s.SetProperty(e => e.MemberId, to), cancellationToken);
        }
    }

    /// <summary>The absorbed member's day rows: as recorded at the merge, plus what its later events counted.</summary>
    public static Dictionary<(Guid Group, DateOnly Day), DayCounts> DayCounts(IEnumerable<DayRow> recorded, IEnumerable<LaterEvent> later, TimeZoneInfo zone)
    {
        var counts = recorded.ToDictionary(d => (d.GroupId, d.Day), d => d.Counts);
        foreach (var e in later)
        {
            var key = (e.GroupId ?? Guid.Empty, LocalDay.Of(e.OccurredAt, zone));
            counts[key] = counts.GetValueOrDefault(key) + RollupCounts.Of(e.Kind);
        }

        return counts;
    }

    /// <summary>The recorded score and last-active time with the later interactions added, as the pipeline adds them.</summary>
    public static (ActivityScore? Score, DateTime? LastActiveAt) Replay(MemberFields recorded, IEnumerable<LaterEvent> later, TimeSpan halfLife)
    {
        ActivityScore? score = recorded.ActivityScoreAt is { } at ? new ActivityScore(recorded.ActivityScore, at) : null;
        var lastActive = recorded.LastActiveAt;
        foreach (var e in later.Where(e => e.Kind.IsInteraction()))
        {
            score = (score ?? new ActivityScore(0, e.OccurredAt)).Add(ActivityWeights.For(e.Kind, e.IsReply), e.OccurredAt, halfLife);
            lastActive = MergeRules.Later(lastActive, e.OccurredAt);
        }

        return (score, lastActive);
    }
}
