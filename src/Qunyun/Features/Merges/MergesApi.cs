using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Events;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Merges;

/// <summary>Merge preview, merge, undo and history: /members/{id}/merge…, /merges.</summary>
public static class MergesApi
{
    public static RouteGroupBuilder MapMerges(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Merges");
        members.MapGet("/{id:guid}/merge-preview", Preview);
        members.MapPost("/{id:guid}/merge", Merge).RequireAuthorization(Policies.Write);
        members.MapGet("/{id:guid}/merges", History);
        var merges = api.MapGroup("/merges").WithTags("Merges");
        merges.MapGet("/", List);
        merges.MapGet("/{id:guid}", Get);
        merges.MapPost("/{id:guid}/undo", Undo).RequireAuthorization(Policies.Write);
        api.MapMergeSettings();
        return api;
    }

    private static async Task<Results<Ok<MergePreviewResponse>, NotFound, ValidationProblem>> Preview(
        Guid id, Guid? into, string[]? takeFields, string[]? takeAttributes, QunyunDb db, TimeProvider clock,
        IOptions<PipelineOptions> pipeline, IOptions<TagOptions> tags, CancellationToken cancellationToken)
    {
        var request = new MergeRequest { Into = into, TakeFields = takeFields?.ToList(), TakeAttributes = takeAttributes?.ToList() };
        var (plan, problem) = await PlanAsync(db, id, request, cancellationToken);
        if (plan is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(MergePreview.Of(plan, ChoicesOf(request), now, TimeSpan.FromDays(pipeline.Value.ActivityHalfLifeDays), tags.Value.InterestHalfLife));
    }

    private static async Task<Results<Created<MergeResponse>, NotFound, ValidationProblem>> Merge(
        Guid id, MergeRequest request, QunyunDb db, MergeMembers merge, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (plan, problem) = await PlanAsync(db, id, request, cancellationToken);
        if (plan is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var done = await merge.ExecuteAsync(db, id, request.Into!.Value, ChoicesOf(request), user.MergeActorOf(), cancellationToken);
        return done is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/merges/{done.Id}", MergeResponse.Of(done));
    }

    /// <summary>The plan for merging member <paramref name="id"/> into the request's target, or why there is none (null: 404).</summary>
    private static async Task<(MergePlan? Plan, ValidationProblem? Problem)> PlanAsync(QunyunDb db, Guid id, MergeRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return (null, null);
        }

        var errors = new FieldErrors();
        errors.AddIf(request.Into is null, "Into", "Name the member to merge into.");
        errors.AddIf(request.Into == id, "Into", "A member cannot be merged into itself.");
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        var plan = await MergePlan.LoadAsync(db, id, request.Into!.Value, cancellationToken);
        if (plan is null)
        {
            return (null, errors.Add("Into", "No member with this id in the workspace.").ToProblem());
        }

        errors = plan.Validate(request);
        return errors.Any ? (null, errors.ToProblem()) : (plan, null);
    }

    private static MergeChoices ChoicesOf(MergeRequest request) =>
        new((request.TakeFields ?? []).ToHashSet(), (request.TakeAttributes ?? []).ToHashSet());

    private static async Task<Results<Ok<MergeResponse>, NotFound, ProblemHttpResult>> Undo(
        Guid id, QunyunDb db, UndoMerge undo, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await undo.ExecuteAsync(db, id, user.MergeActorOf().Name, cancellationToken);
        return outcome switch
        {
            { Merge: { } merge } => TypedResults.Ok(MergeResponse.Of(merge)),
            { Conflict: { } conflict } => Conflicts.Of(conflict),
            _ => TypedResults.NotFound(),
        };
    }

    private static Task<Page<MergeResponse>> List(QunyunDb db, [AsParameters] PageQuery paging, Guid? memberId, CancellationToken cancellationToken = default)
    {
        var merges = db.MemberMerges.AsNoTracking();
        if (memberId is not null)
        {
            merges = merges.Where(m => m.SurvivorId == memberId || m.AbsorbedId == memberId);
        }

        return paging.ApplyAsync(merges.OrderByDescending(m => m.Sequence).Select(Projection), cancellationToken);
    }

    private static async Task<Results<Ok<Page<MergeResponse>>, NotFound>> History(
        Guid id, QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await List(db, paging, id, cancellationToken));
    }

    private static async Task<Results<Ok<MergeResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var merge = await db.MemberMerges.AsNoTracking().Where(m => m.Id == id).Select(Projection).FirstOrDefaultAsync(cancellationToken);
        return merge is null ? TypedResults.NotFound() : TypedResults.Ok(merge);
    }

    private static readonly System.Linq.Expressions.Expression<Func<MemberMerge, MergeResponse>> Projection = m => new MergeResponse(
        m.Id, m.SurvivorId, m.SurvivorName, m.AbsorbedId, m.AbsorbedName, m.ActorKind, m.Actor, m.MergedAt,
        m.Identities, m.Memberships, m.Tags, m.Events, m.UndoneAt, m.UndoneBy);
}
