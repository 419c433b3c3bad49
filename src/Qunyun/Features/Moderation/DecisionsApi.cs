using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Moderation;

/// <summary>The audit log of moderation decisions, and the staff review of them.</summary>
public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisions(this RouteGroupBuilder moderation)
    {
        moderation.MapGet("/decisions", List);
        moderation.MapGet("/decisions/{id:guid}", Get);
        moderation.MapPost("/decisions/{id:guid}/reverse", Reverse).RequireAuthorization(Policies.Write);
        moderation.MapPost("/decisions/{id:guid}/false-positive", FalsePositive).RequireAuthorization(Policies.Write);
        moderation.MapPost("/dry-run", DryRunAsync); // writes nothing: any role, like the segment preview
        return moderation;
    }

    private static async Task<Results<Ok<DryRunResponse>, ValidationProblem>> DryRunAsync(
        DryRunRequest request, QunyunDb db, DryRun dryRun, CancellationToken cancellationToken)
    {
        var outcome = await dryRun.ExecuteAsync(db, request, cancellationToken);
        return outcome.Errors is { } errors ? errors.ToProblem() : TypedResults.Ok(outcome.Response!);
    }

    private static Task<Page<DecisionResponse>> List(
        QunyunDb db, [AsParameters] PageQuery paging, Guid? groupId, Guid? memberId, string? rule, string? action, DecisionStatus? status,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        paging.ApplyAsync(db.ModerationDecisions.AsNoTracking().Filter(new DecisionFilter(groupId, memberId, rule, action, status, from, to))
            .OrderByDescending(d => d.OccurredAt).ThenByDescending(d => d.Id).ToResponses(db), cancellationToken);

    private static async Task<Results<Ok<DecisionResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.ModerationDecisions.AsNoTracking().Where(d => d.Id == id).ToResponses(db).FirstOrDefaultAsync(cancellationToken) is { } decision
            ? TypedResults.Ok(decision)
            : TypedResults.NotFound();

    private static Task<Results<Ok<ReviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Reverse(
        Guid id, ReverseRequest? request, QunyunDb db, ReviewDecision review, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReviewAsync(review.ExecuteAsync(db, id, Actors.AuditNameOf(user), request?.Note, null, cancellationToken));

    private static Task<Results<Ok<ReviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> FalsePositive(
        Guid id, FalsePositiveRequest? request, QunyunDb db, ReviewDecision review, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReviewAsync(review.ExecuteAsync(db, id, Actors.AuditNameOf(user), request?.Note, request ?? new FalsePositiveRequest(null, null, null), cancellationToken));

    private static async Task<Results<Ok<ReviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(Task<ReviewDecision.Outcome> review)
    {
        var outcome = await review;
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        return outcome.Conflict is { } conflict ? Conflicts.Of(conflict) : TypedResults.Ok(outcome.Response!);
    }
}
