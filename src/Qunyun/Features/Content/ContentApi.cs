using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Text;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Content;

public static class ContentApi
{
    public static RouteGroupBuilder MapContent(this RouteGroupBuilder api)
    {
        var content = api.MapGroup("/content").WithTags("Content");
        content.MapGet("/", List);
        content.MapGet("/{id:guid}", Get);
        content.MapPost("/", Create).RequireAuthorization(Policies.Write);
        content.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        content.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Page<ContentItemResponse>> List(
        QunyunDb db, [AsParameters] PageQuery paging, string? q, ContentCategory? category, CancellationToken cancellationToken = default)
    {
        var items = db.ContentItems.AsNoTracking();
        var folded = SearchText.Fold(q);
        if (folded.Length > 0)
        {
            items = items.Where(c => c.Title.ToLower().Contains(folded) || c.Topics.ToLower().Contains(folded));
        }

        if (category is not null)
        {
            items = items.Where(c => c.Category == category);
        }

        var page = await paging.ApplyAsync(items.OrderByDescending(c => c.UpdatedAt), cancellationToken);
        return new Page<ContentItemResponse>(page.Items.Select(ContentItemResponse.Of).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    private static async Task<Results<Ok<ContentItemResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } item
            ? TypedResults.Ok(ContentItemResponse.Of(item))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ContentItemResponse>, ValidationProblem>> Create(
        ContentItemRequest request, QunyunDb db, SaveContentItem save, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(db, null, request, cancellationToken);
        return outcome.Errors is { } errors
            ? errors.ToProblem()
            : TypedResults.Created($"/api/v1/content/{outcome.Item!.Id}", ContentItemResponse.Of(outcome.Item));
    }

    private static async Task<Results<Ok<ContentItemResponse>, NotFound, ValidationProblem>> Update(
        Guid id, ContentItemRequest request, QunyunDb db, SaveContentItem save, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(db, id, request, cancellationToken);
        return outcome switch
        {
            { Errors: { } errors } => errors.ToProblem(),
            { Item: { } item } => TypedResults.Ok(ContentItemResponse.Of(item)),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>Deleting an item also drops the plan entries that publish it (what went out stays in the outbox).</summary>
    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var deleted = await db.ContentItems.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
