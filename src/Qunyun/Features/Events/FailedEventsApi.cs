using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Events;

public sealed record FailedEventResponse(long EventId, string ExternalEventId, string Kind, Guid ChannelId, DateTime OccurredAt, DateTime FailedAt, string Error);

/// <summary>Events the pipeline set aside: list them, send one back through the pipeline, or discard it.</summary>
public static class FailedEventsApi
{
    public static RouteGroupBuilder MapFailedEvents(this RouteGroupBuilder api)
    {
        var failed = api.MapGroup("/events/failed").WithTags("Events");
        failed.MapGet("/", List);
        failed.MapPost("/{eventId:long}/retry", Retry).RequireAuthorization(Policies.Write);
        failed.MapDelete("/{eventId:long}", Discard).RequireAuthorization(Policies.Write);
        return api;
    }

    private static Task<Page<FailedEventResponse>> List(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken) =>
        paging.ApplyAsync(
            db.FailedEvents.AsNoTracking().OrderByDescending(f => f.FailedAt).ThenByDescending(f => f.EventId)
                .Join(db.Events, f => f.EventId, e => e.Id, (f, e) => new FailedEventResponse(e.Id, e.ExternalEventId, e.Kind, e.ChannelId, e.OccurredAt, f.FailedAt, f.Error)),
            cancellationToken);

    /// <summary>Back into the queue, for when the cause (a stage's bug, missing data) has been fixed.</summary>
    private static async Task<Results<Accepted, NotFound>> Retry(long eventId, QunyunDb db, PipelineSignal signal, CancellationToken cancellationToken)
    {
        var failed = await db.FailedEvents.FirstOrDefaultAsync(f => f.EventId == eventId, cancellationToken);
        if (failed is null)
        {
            return TypedResults.NotFound();
        }

        db.FailedEvents.Remove(failed);
        db.PendingEvents.Add(new PendingEvent { EventId = eventId });
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Gives up on the event: it stays stored (for audit) but is never processed.</summary>
    private static async Task<Results<NoContent, NotFound>> Discard(long eventId, QunyunDb db, CancellationToken cancellationToken) =>
        await db.FailedEvents.Where(f => f.EventId == eventId).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
}
