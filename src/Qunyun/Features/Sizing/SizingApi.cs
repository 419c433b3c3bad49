using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Sizing;

/// <summary>Size thresholds, what a group's size calls for, and the split assistant.</summary>
public static class SizingApi
{
    public static RouteGroupBuilder MapSizing(this RouteGroupBuilder api)
    {
        var sizing = api.MapGroup("/sizing").WithTags("Group size");
        sizing.MapGet("/thresholds", GetThresholds);
        sizing.MapPut("/thresholds", PutThresholds).RequireAuthorization(Policies.Admin);
        sizing.MapGet("/attention", Attention);
        api.MapGet("/groups/{id:guid}/size", GroupSize).WithTags("Group size");

        var splits = api.MapGroup("").WithTags("Split assistant");
        splits.MapPost("/groups/{id:guid}/splits", Propose).RequireAuthorization(Policies.Write);
        splits.MapGet("/groups/{id:guid}/splits", List);
        splits.MapGet("/splits/{id:guid}", Get);
        splits.MapPut("/splits/{id:guid}/members/{memberId:guid}", Move).RequireAuthorization(Policies.Write);
        splits.MapPost("/splits/{id:guid}/approve", Approve).RequireAuthorization(Policies.Write);
        splits.MapPost("/splits/{id:guid}/invite-links", InviteLink).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<SizeThresholdsResponse> GetThresholds(QunyunDb db, CancellationToken cancellationToken)
    {
        var thresholds = await SizeSettings.LoadAsync(db, cancellationToken);
        return new SizeThresholdsResponse(thresholds.Intimate, thresholds.Stable);
    }

    private static async Task<Results<Ok<SizeThresholdsResponse>, ValidationProblem>> PutThresholds(
        SizeThresholdsRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var errors = SizeSettings.Check(request.IntimateLimit, request.StableLimit);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await SizeSettings.SaveAsync(db, request.IntimateLimit!.Value, request.StableLimit!.Value, cancellationToken);
        return TypedResults.Ok(new SizeThresholdsResponse(request.IntimateLimit.Value, request.StableLimit.Value));
    }

    private static async Task<Results<Ok<SizeAttentionResponse>, ValidationProblem>> Attention(QunyunDb db, int top = 10, CancellationToken cancellationToken = default) =>
        top is < 1 or > 100
            ? new FieldErrors().Add("Top", "Between 1 and 100.").ToProblem()
            : TypedResults.Ok(await SizeAdvice.AttentionAsync(db, top, cancellationToken));

    private static async Task<Results<Ok<GroupSizeResponse>, NotFound>> GroupSize(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await SizeAdvice.ForGroupAsync(db, id, cancellationToken) is { } size ? TypedResults.Ok(size) : TypedResults.NotFound();

    private static async Task<Results<Created<SplitProposalResponse>, NotFound, ValidationProblem>> Propose(
        Guid id, ProposeSplitRequest request, QunyunDb db, ProposeSplit propose, SplitView view, CancellationToken cancellationToken) =>
        await propose.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            SplitOutcome.Done done => TypedResults.Created($"/api/v1/splits/{done.Id}", await view.ReadAsync(db, done.Id, cancellationToken)),
            SplitOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<List<SplitProposalSummary>>, NotFound>> List(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        !await db.Groups.AnyAsync(g => g.Id == id, cancellationToken)
            ? TypedResults.NotFound()
            : TypedResults.Ok(await db.SplitProposals.AsNoTracking().Where(p => p.GroupId == id).OrderByDescending(p => p.CreatedAt)
                .Select(p => new SplitProposalSummary(p.Id, p.Status, p.Subgroups.Count, p.CreatedAt)).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<SplitProposalResponse>, NotFound>> Get(Guid id, QunyunDb db, SplitView view, CancellationToken cancellationToken) =>
        await view.ReadAsync(db, id, cancellationToken) is { } proposal ? TypedResults.Ok(proposal) : TypedResults.NotFound();

    /// <summary>Moves one member to another proposed subgroup; the shares come back recomputed.</summary>
    private static async Task<Results<Ok<SplitProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, Guid memberId, MoveSplitMemberRequest request, QunyunDb db, SplitMoves moves, SplitView view, CancellationToken cancellationToken) =>
        await moves.MoveAsync(db, id, memberId, request.Subgroup!.Value, cancellationToken) switch
        {
            SplitOutcome.Done => TypedResults.Ok((await view.ReadAsync(db, id, cancellationToken))!),
            var other => Refusal(other),
        };

    /// <summary>Creates the groups and their invitation lists and queues the announcement, once; again: the same answer.</summary>
    private static async Task<Results<Ok<SplitProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApproveSplitRequest request, QunyunDb db, ApproveSplit approve, SplitView view, CancellationToken cancellationToken) =>
        await approve.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            SplitOutcome.Done => TypedResults.Ok((await view.ReadAsync(db, id, cancellationToken))!),
            var other => Refusal(other),
        };

    /// <summary>Asks the platform for an invite link to a new group once it is linked to its chat (where the platform can make one).</summary>
    private static async Task<Results<Ok<SplitProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> InviteLink(
        Guid id, InviteLinkRequest request, QunyunDb db, SplitMoves moves, SplitView view, CancellationToken cancellationToken) =>
        await moves.RequestInviteLinkAsync(db, id, request.Subgroup!.Value, cancellationToken) switch
        {
            SplitOutcome.Done => TypedResults.Ok((await view.ReadAsync(db, id, cancellationToken))!),
            var other => Refusal(other),
        };

    private static Results<Ok<SplitProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult> Refusal(SplitOutcome outcome) => outcome switch
    {
        SplitOutcome.Invalid invalid => invalid.Errors.ToProblem(),
        SplitOutcome.Conflict conflict => Conflicts.Of(conflict.Detail),
        _ => TypedResults.NotFound(),
    };
}
