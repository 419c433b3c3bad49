using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Moderation;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Moderation;

/// <summary>A group's allow-list: filled by false positives, and by staff directly (a partner's domain).</summary>
public static class AllowListApi
{
    public static RouteGroupBuilder MapAllowList(this RouteGroupBuilder moderation)
    {
        moderation.MapGet("/groups/{id:guid}/allow", List);
        moderation.MapPost("/groups/{id:guid}/allow", Add).RequireAuthorization(Policies.Write);
        moderation.MapDelete("/allow/{id:guid}", Remove).RequireAuthorization(Policies.Write);
        return moderation;
    }

    private static async Task<Results<Ok<List<AllowEntryResponse>>, NotFound>> List(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var entries = await db.AllowList.AsNoTracking().Where(a => a.GroupId == id).OrderBy(a => a.Kind).ThenBy(a => a.Value).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<AllowEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Add(
        Guid id, AllowEntryRequest request, QunyunDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var value = request.Value?.Trim() ?? "";
        var wordProblem = request.Kind == AllowKind.Word && value.Length is > 0 and <= 200 ? WordMatcher.Problem(value) : null;
        var errors = new FieldErrors()
            .AddIf(request.Kind is null, "kind", "Word or Domain.")
            .AddIf(value.Length is 0 or > 200, "value", "1 to 200 characters.")
            .AddIf(request.Kind == AllowKind.Domain && value.Length > 0 && !AllowValues.IsDomain(value), "value", "A domain such as example.com.")
            .AddIf(wordProblem is not null, "value", $"The phrase {wordProblem}.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var kind = request.Kind!.Value;
        value = kind == AllowKind.Domain ? value.ToLowerInvariant() : value;
        if (await db.AllowList.AnyAsync(a => a.GroupId == id && a.Kind == kind && a.Value == value, cancellationToken))
        {
            return Conflicts.Of($"'{value}' is already on the group's allow-list.");
        }

        var now = clock.GetUtcNow();
        var entry = new AllowListEntry { Id = Guid.CreateVersion7(now), GroupId = id, Kind = kind, Value = value, CreatedBy = Actors.AuditNameOf(user), CreatedAt = now.UtcDateTime };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AllowList.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/moderation/groups/{id}/allow", ToResponse(entry));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.AllowList.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return TypedResults.NotFound();
        }

        await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static AllowEntryResponse ToResponse(AllowListEntry a) => new(a.Id, a.GroupId, a.Kind, a.Value, a.DecisionId, a.CreatedBy, a.CreatedAt);
}
