using Microsoft.AspNetCore.Http.HttpResults;
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
        paging.ApplyAsync(FailedEventActions.List(db), cancellationToken);

    private static async Task<Results<Accepted, NotFound>> Retry(long eventId, QunyunDb db, PipelineSignal signal, CancellationToken cancellationToken) =>
        await FailedEventActions.RetryAsync(db, eventId, signal, cancellationToken) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Discard(long eventId, QunyunDb db, CancellationToken cancellationToken) =>
        await FailedEventActions.DiscardAsync(db, eventId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
