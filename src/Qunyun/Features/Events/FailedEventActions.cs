using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>Retrying and discarding a set-aside event; shared by the API and the console.</summary>
public static class FailedEventActions
{
    public static IQueryable<FailedEventResponse> List(QunyunDb db) =>
        db.FailedEvents.AsNoTracking().OrderByDescending(f => f.FailedAt).ThenByDescending(f => f.EventId)
            .Join(db.Events, f => f.EventId, e => e.Id, (f, e) => new FailedEventResponse(e.Id, e.ExternalEventId, e.Kind, e.ChannelId, e.OccurredAt, f.FailedAt, f.Error));

    /// <summary>Back into the queue, for when the cause (a stage's bug, missing data) has been fixed. False when not set aside.</summary>
    public static async Task<bool> RetryAsync(QunyunDb db, long eventId, PipelineSignal signal, CancellationToken cancellationToken)
    {
        var failed = await db.FailedEvents.FirstOrDefaultAsync(f => f.EventId == eventId, cancellationToken);
        if (failed is null)
        {
            return false;
        }

        db.FailedEvents.Remove(failed);
        db.PendingEvents.Add(new PendingEvent { EventId = eventId });
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return true;
    }

    /// <summary>Gives up on the event: it stays stored (for audit) but is never processed. False when not set aside.</summary>
    public static async Task<bool> DiscardAsync(QunyunDb db, long eventId, CancellationToken cancellationToken) =>
        await db.FailedEvents.Where(f => f.EventId == eventId).ExecuteDeleteAsync(cancellationToken) > 0;
}
