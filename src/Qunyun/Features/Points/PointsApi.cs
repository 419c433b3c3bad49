using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Points;

public static class PointsApi
{
    public const int RecentEntries = 50;
    public const int MaxTop = 100;

    public static RouteGroupBuilder MapPoints(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{id:guid}/points", GetMember).WithTags("Points");
        api.MapPost("/members/{id:guid}/points", Adjust).WithTags("Points").RequireAuthorization(Policies.Write);
        var points = api.MapGroup("/points").WithTags("Points");
        points.MapGet("/leaderboard", Leaderboard);
        points.MapGet("/settings", GetSettings);
        points.MapPut("/settings", PutSettings).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Results<Ok<MemberPointsResponse>, NotFound>> GetMember(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await MemberPointsAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken) is { } points ? TypedResults.Ok(points) : TypedResults.NotFound();

    private static async Task<Results<Created<MemberPointsResponse>, NotFound, ValidationProblem>> Adjust(
        Guid id, AdjustPointsRequest request, QunyunDb db, AdjustPoints adjust, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (entry, errors) = await adjust.ExecuteAsync(db, id, request, user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayNameOf(), cancellationToken);
        return entry is not null
            ? TypedResults.Created($"/api/v1/members/{id}/points", await MemberPointsAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken))
            : errors.Any ? errors.ToProblem() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<LeaderboardRow>>, ValidationProblem>> Leaderboard(QunyunDb db, int? top, CancellationToken cancellationToken)
    {
        if (top is < 1 or > MaxTop)
        {
            return new FieldErrors().Add("Top", $"1–{MaxTop}.").ToProblem();
        }

        return TypedResults.Ok(await LeaderboardAsync(db, top ?? 10, cancellationToken));
    }

    private static async Task<Ok<PointsSettingsResponse>> GetSettings(QunyunDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(PointsSettingsResponse.Of(await PointsSettings.LoadAsync(db, cancellationToken)));

    private static async Task<Results<Ok<PointsSettingsResponse>, ValidationProblem>> PutSettings(
        PointsSettingsRequest request, QunyunDb db, SavePointsSettings save, CancellationToken cancellationToken)
    {
        var (settings, errors) = await save.ExecuteAsync(db, request, cancellationToken);
        return settings is not null ? TypedResults.Ok(PointsSettingsResponse.Of(settings)) : errors.ToProblem();
    }

    /// <summary>Null when the member is not in the workspace.</summary>
    public static async Task<MemberPointsResponse?> MemberPointsAsync(QunyunDb db, Guid memberId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return null;
        }

        var (balance, streak, today) = await PointsLedger.StandingAsync(db, memberId, nowUtc, cancellationToken);
        var recent = await db.PointsEntries.AsNoTracking().Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(RecentEntries)
            .Select(e => new PointsEntryResponse(e.Id, e.Delta, e.Reason, e.Note, e.Day, e.EventId, e.Actor, e.At)).ToListAsync(cancellationToken);
        return new MemberPointsResponse(memberId, balance, streak, today, recent);
    }

    /// <summary>The members with the highest balances (ties: the earlier member first), ranked 1…n.</summary>
    public static async Task<List<LeaderboardRow>> LeaderboardAsync(QunyunDb db, int top, CancellationToken cancellationToken)
    {
        var rows = await db.PointsEntries.GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Balance = g.Sum(e => (long)e.Delta) })
            .OrderByDescending(r => r.Balance).ThenBy(r => r.MemberId).Take(top).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.MemberId).ToList();
        var names = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        return [.. rows.Select((r, index) => new LeaderboardRow(index + 1, r.MemberId, names.GetValueOrDefault(r.MemberId) ?? "", r.Balance))];
    }
}
