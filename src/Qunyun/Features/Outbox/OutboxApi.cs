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

    /// <summary>Actions with one status (pending, delivered, dead, unsupported, discarded; default pending), optionally of one channel.</summary>
    private static async Task<Results<Ok<Page<OutboxItem>>, ValidationProblem>> List(
        QunyunDb db, [AsParameters] PageQuery paging, string? status, Guid? channelId, CancellationToken cancellationToken)
    {
        var wanted = OutboxStatus.Pending;
        if (status is not null && (!Enum.TryParse(status, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted) || int.TryParse(status, out _)))
        {
            return new FieldErrors().Add("status", "Use pending, delivered, dead, unsupported or discarded.").ToProblem();
        }

        return TypedResults.Ok(await paging.ApplyAsync(OutboxActions.List(db, wanted, channelId), cancellationToken));
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
