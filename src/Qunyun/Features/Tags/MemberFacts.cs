using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;

namespace Qunyun.Features.Tags;

internal static class MemberFacts
{
    /// <summary>The rows an event adds to <see cref="MemberFact"/>: one for the event, one per topic; none for messages and reactions.</summary>
    public static IEnumerable<MemberFact> Of(ProcessedEvent processed)
    {
        if (!processed.Kind.IsFactKind())
        {
            yield break;
        }

        var purchase = processed.Kind == EventKind.Purchase ? processed.Payload.Purchase : null;
        foreach (var topic in Topics.Keys(TopicsOf(processed)).Prepend(""))
        {
            yield return new MemberFact
            {
                EventId = processed.Event.Id,
                Topic = topic,
                MemberId = processed.Member.Id,
                Kind = processed.Event.Kind,
                ChannelId = processed.Event.ChannelId,
                GroupId = processed.Group?.Id,
                OccurredAt = processed.Event.OccurredAt,
                AmountTenThousandths = Amounts.ToUnits(purchase?.Amount ?? 0),
                Currency = purchase?.Currency?.Trim().ToUpperInvariant(),
            };
        }
    }

    /// <summary>
    /// Facts belong to their event's member: after events moved from one member to another (a merge, its undo), the
    /// facts of the moved events follow.
    /// </summary>
    public static Task<int> FollowEventsAsync(QunyunDb db, Guid from, Guid to, CancellationToken cancellationToken) =>
        db.MemberFacts.Where(f => f.MemberId == from && db.Events.Any(e => e.Id == f.EventId && e.MemberId == to))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.MemberId, to), cancellationToken);

    /// <summary>The topics as sent: of the content viewed, the event attended, or the purchase.</summary>
    public static IReadOnlyList<string> TopicsOf(ProcessedEvent processed) => processed.Kind switch
    {
        EventKind.ContentViewed => processed.Payload.Content?.Topics ?? [],
        EventKind.EventAttended => processed.Payload.Attendance?.Topics ?? [],
        EventKind.Purchase => processed.Payload.Purchase?.Topics ?? [],
        _ => [],
    };
}
