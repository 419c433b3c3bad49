using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Outbox;

/// <summary>The outbox: actions waiting for, delivered to, or refused by the platforms; replay and discard.</summary>
public static class OutboxApi
{
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/outbox").WithTags("Outbox");
        outbox.MapGet("/", List);
        outbox.MapPost("/{id:guid}/replay", Replay).RequireAuthorization(Policies.Write);
        outbox.MapPost("/{id:guid}/discard", Discard).RequireAuthorization(Policies.Write);
        return api;
    }

    /// <summary>
    /// Actions, newest first, filtered by status (all, pending, delivered, dead, unsupported, discarded; default pending,
    /// listed oldest first as they go out), channel, group, action name and creation time (from inclusive, to exclusive).
    /// </summary>
    private static async Task<Results<Ok<Page<OutboxItem>>, ValidationProblem>> List(
        QunyunDb db, [AsParameters] PageQuery paging, string? status, Guid? channelId, Guid? groupId, string? action,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var (filter, errors) = OutboxFilter.Read(status, channelId, groupId, action, from, to);
        return filter is null ? errors.ToProblem() : TypedResults.Ok(await paging.ApplyAsync(OutboxList.Query(db, filter), cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Replay(Guid id, QunyunDb db, OutboxActions actions, CancellationToken cancellationToken) =>
        await actions.ReplayAsync(db, id, cancellationToken) switch
        {
            OutboxChange.Done => TypedResults.NoContent(),
            OutboxChange.NotFound => TypedResults.NotFound(),
            _ => Conflicts.Of("Only dead, unsupported or discarded actions can be replayed."),
        };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Discard(Guid id, QunyunDb db, OutboxActions actions, CancellationToken cancellationToken) =>
        await actions.DiscardAsync(db, id, cancellationToken) switch
        {
            OutboxChange.Done => TypedResults.NoContent(),
            OutboxChange.NotFound => TypedResults.NotFound(),
            _ => Conflicts.Of("Only dead, unsupported or waiting actions can be discarded; delivered ones stay delivered."),
        };
}
