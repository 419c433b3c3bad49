using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Health;

/// <summary>Group health for anyone who may read the workspace (analysts included).</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        var health = api.MapGroup("/health/groups").WithTags("Health");
        health.MapGet("/", List);
        health.MapGet("/{id:guid}", Get);
        var settings = api.MapGroup("/health/settings").WithTags("Health");
        settings.MapGet("/", GetSettings);
        settings.MapPut("/", PutSettings).RequireAuthorization(Policies.Admin);
        return api;
    }

    /// <summary>The warning horizon: how close a forecast silence must be for a group to count as at risk.</summary>
    private static async Task<HealthSettingsResponse> GetSettings(QunyunDb db, GroupHealthReport report, CancellationToken cancellationToken) =>
        new(await report.AtRiskDaysAsync(db, cancellationToken));

    private static async Task<Results<Ok<HealthSettingsResponse>, ValidationProblem>> PutSettings(
        HealthSettingsRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var errors = HealthSettings.Check(request.AtRiskDays);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await HealthSettings.SaveAsync(db, request.AtRiskDays!.Value, cancellationToken);
        return TypedResults.Ok(new HealthSettingsResponse(request.AtRiskDays.Value));
    }

    /// <summary>Active groups with score, forecast and 90-day active members; by default the lowest score first.</summary>
    private static async Task<Ok<Page<GroupHealthResponse>>> List(
        QunyunDb db, GroupHealthReport report, [AsParameters] PageQuery paging, GroupType? type, bool? atRisk,
        HealthSort sort = HealthSort.Score, bool descending = false, CancellationToken cancellationToken = default)
    {
        var groups = (await report.ReadAsync(db, null, cancellationToken)).Groups;
        var matching = groups.Where(g => (type == null || g.Source.Type == type) && (atRisk == null || g.AtRisk == atRisk)).Sort(sort, descending).ToList();
        var (page, size) = (paging.Page ?? 1, paging.PageSize ?? PageQuery.DefaultPageSize);
        var items = matching.Skip((page - 1) * size).Take(size).Select(HealthResponses.Summary).ToList();
        return TypedResults.Ok(new Page<GroupHealthResponse>(items, page, size, matching.Count));
    }

    /// <summary>One group's score with each factor against its type's norm, its daily series and the forecast's curve.</summary>
    private static async Task<Results<Ok<GroupHealthDetailResponse>, NotFound>> Get(Guid id, QunyunDb db, GroupHealthReport report, CancellationToken cancellationToken)
    {
        var reading = await report.ReadAsync(db, id, cancellationToken);
        return reading.Groups is [var health]
            ? TypedResults.Ok(HealthResponses.Detail(health, reading.LastDay, reading.AtRiskDays))
            : TypedResults.NotFound();
    }
}
