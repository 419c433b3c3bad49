using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Engine.Text;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Tags;

public static class TagsApi
{
    public static RouteGroupBuilder MapTags(this RouteGroupBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags");
        tags.MapGet("/", List);
        tags.MapGet("/{id:guid}", Get);
        tags.MapPost("/", Create).RequireAuthorization(Policies.Write);
        tags.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        tags.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        tags.MapPost("/recheck", Recheck).RequireAuthorization(Policies.Operate);
        api.MapGet("/members/{id:guid}/tag-changes", Changes).WithTags("Members");
        return api.MapMemberTags();
    }

    private static Task<Page<TagResponse>> List(
        QunyunDb db, [AsParameters] PageQuery paging, string? q, TagKind? kind, CancellationToken cancellationToken = default)
    {
        var tags = db.Tags.AsNoTracking();
        var folded = SearchText.Fold(q);
        if (folded.Length > 0)
        {
            tags = tags.Where(t => t.Name.ToLower().Contains(folded));
        }

        if (kind is not null)
        {
            tags = tags.Where(t => t.Kind == kind);
        }

        return paging.ApplyAsync(Project(db, tags.OrderBy(t => t.Name)), cancellationToken);
    }

    private static async Task<Results<Ok<TagResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var tag = await FindAsync(db, id, cancellationToken);
        return tag is null ? TypedResults.NotFound() : TypedResults.Ok(tag);
    }

    private static async Task<Results<Created<TagResponse>, ValidationProblem, ProblemHttpResult>> Create(
        TagRequest request, QunyunDb db, SaveTag save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, null, request, cancellationToken) switch
        {
            SaveTagResult.Saved saved => TypedResults.Created($"/api/v1/tags/{saved.Id}", await FindAsync(db, saved.Id, cancellationToken)),
            SaveTagResult.Invalid invalid => invalid.Errors.ToProblem(),
            SaveTagResult.Conflict conflict => Conflicts.Of(conflict.Detail),
            var other => throw new InvalidOperationException($"Unexpected {other}"),
        };

    private static async Task<Results<Ok<TagResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, TagRequest request, QunyunDb db, SaveTag save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            SaveTagResult.Saved => TypedResults.Ok((await FindAsync(db, id, cancellationToken))!),
            SaveTagResult.Invalid invalid => invalid.Errors.ToProblem(),
            SaveTagResult.Conflict conflict => Conflicts.Of(conflict.Detail),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var deleted = await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>Runs the daily recheck of rule and interest tags now.</summary>
    private static async Task<Ok<RecheckReport>> Recheck(QunyunDb db, TagRecheck recheck, CancellationToken cancellationToken) =>
        TypedResults.Ok(await recheck.RunAsync(db, cancellationToken));

    /// <summary>The member's tag history, newest first: what was put on or taken off, when, and why.</summary>
    private static async Task<Results<Ok<Page<TagChangeResponse>>, NotFound>> Changes(
        Guid id, QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await paging.ApplyAsync(TagChangesOf(db, id), cancellationToken));
    }

    public static IQueryable<TagChangeResponse> TagChangesOf(QunyunDb db, Guid memberId) =>
        db.TagChanges.AsNoTracking().Where(c => c.MemberId == memberId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new TagChangeResponse(c.TagId, c.TagName, c.TagKind, c.Change, c.Cause, c.At));

    public static Task<TagResponse?> FindAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        Project(db, db.Tags.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public static IQueryable<TagResponse> Project(QunyunDb db, IQueryable<Tag> tags) =>
        tags.Select(t => new TagResponse(t.Id, t.Name, t.Description, t.Color, t.Kind,
            db.MemberTags.Count(m => m.TagId == t.Id), t.CreatedAt, t.Rule));
}
