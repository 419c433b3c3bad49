using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Demo;

/// <summary>
/// The simulated 90 days are the past, but the pipeline queued the bot's answers and moderation's actions when the
/// traffic was played, today. Those actions belong to the moments they answer: each is dated a second after the event
/// that caused it and marked delivered a second later, so the outbox and the group chats (which place a post at its
/// delivery) read as the history they are. What is queued after the seeding goes through the chat simulator.
/// </summary>
internal static class DemoPast
{
    /// <summary>Dates the actions of the events played since <paramref name="playedFrom"/>; returns how many.</summary>
    public static async Task<int> DateAsync(QunyunDb db, DateTime playedFrom, CancellationToken cancellationToken)
    {
        var rows = await db.Outbox.Where(o => o.EventId != null && o.CreatedAt >= playedFrom
            && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Delivered)).ToListAsync(cancellationToken);
        var causes = rows.Select(r => r.EventId!.Value).Distinct().ToList();
        var at = await db.Events.Where(e => causes.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.OccurredAt, cancellationToken);
        foreach (var row in rows)
        {
            var caused = at[row.EventId!.Value];
            (row.CreatedAt, row.Status, row.DeliveredAt, row.NextAttemptAt, row.LastError, row.Reason) =
                (caused.AddSeconds(1), OutboxStatus.Delivered, caused.AddSeconds(2), null, null, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }
}
