using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Health;

/// <summary>Group health for anyone who may read the workspace (analysts included).</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        var health = api.MapGroup("/health/groups").WithTags("Health");
        health.MapGet("/", List);
        health.MapGet("/{id:guid}", Get);
        return api;
    }

    /// <summary>Active groups with score, forecast and 90-day active members; by default the lowest score first.</summary>
    private static async Task<Ok<Page<GroupHealthResponse>>> List(
        QunyunDb db, GroupHealthReport report, [AsParameters] PageQuery paging, GroupType? type, bool? atRisk,
        HealthSort sort = HealthSort.Score, bool descending = false, CancellationToken cancellationToken = default)
    {
        var (_, groups) = await report.ReadAsync(db, null, cancellationToken);
        var matching = groups.Where(g => (type == null || g.Source.Type == type) && (atRisk == null || g.AtRisk == atRisk)).Sort(sort, descending).ToList();
        var (page, size) = (paging.Page ?? 1, paging.PageSize ?? PageQuery.DefaultPageSize);
        var items = matching.Skip((page - 1) * size).Take(size).Select(HealthResponses.Summary).ToList();
        return TypedResults.Ok(new Page<GroupHealthResponse>(items, page, size, matching.Count));
    }

    /// <summary>One group's score with each factor against its type's norm, its daily series and the forecast's curve.</summary>
    private static async Task<Results<Ok<GroupHealthDetailResponse>, NotFound>> Get(Guid id, QunyunDb db, GroupHealthReport report, CancellationToken cancellationToken)
    {
        var (lastDay, groups) = await report.ReadAsync(db, id, cancellationToken);
        return groups is [var health]
            ? TypedResults.Ok(HealthResponses.Detail(health, lastDay, report.AtRiskDays))
            : TypedResults.NotFound();
    }
}
