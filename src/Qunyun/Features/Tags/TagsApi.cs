using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Text;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Tags;

public sealed record TagRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(500)]
    public string? Description { get; init; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Color must look like #1e88e5.")]
    public string? Color { get; init; }
}

public sealed record TagResponse(Guid Id, string Name, string? Description, string Color, TagKind Kind, int MemberCount, DateTime CreatedAt);

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
        return api;
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
        var tag = await Project(db, db.Tags.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return tag is null ? TypedResults.NotFound() : TypedResults.Ok(tag);
    }

    private static async Task<Results<Created<TagResponse>, ProblemHttpResult>> Create(
        TagRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (await db.Tags.AnyAsync(t => t.Name == name, cancellationToken))
        {
            return Conflicts.Of($"A tag named '{name}' already exists.");
        }

        var tag = new Tag
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Name = name,
            Description = request.Description?.Trim(),
            Color = request.Color?.ToLowerInvariant() ?? "#607d8b",
            Kind = TagKind.Manual,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Tags.Add(tag);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/tags/{tag.Id}", new TagResponse(tag.Id, tag.Name, tag.Description, tag.Color, tag.Kind, 0, tag.CreatedAt));
    }

    private static async Task<Results<Ok<TagResponse>, NotFound, ProblemHttpResult>> Update(
        Guid id, TagRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tag is null)
        {
            return TypedResults.NotFound();
        }

        var name = request.Name!.Trim();
        if (await db.Tags.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            return Conflicts.Of($"A tag named '{name}' already exists.");
        }

        tag.Name = name;
        tag.Description = request.Description?.Trim();
        tag.Color = request.Color?.ToLowerInvariant() ?? tag.Color;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await Project(db, db.Tags.AsNoTracking().Where(t => t.Id == id)).FirstAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var deleted = await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static IQueryable<TagResponse> Project(QunyunDb db, IQueryable<Tag> tags) =>
        tags.Select(t => new TagResponse(t.Id, t.Name, t.Description, t.Color, t.Kind,
            db.MemberTags.Count(m => m.TagId == t.Id), t.CreatedAt));
}
