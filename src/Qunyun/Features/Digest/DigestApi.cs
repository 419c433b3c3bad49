using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Moderation;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Digest;

public static class DigestApi
{
    private static readonly DateOnly FirstDay = new(1970, 1, 1);
    private static readonly DateOnly LastDay = new(2999, 12, 31);

    public static RouteGroupBuilder MapDigest(this RouteGroupBuilder api)
    {
        var digest = api.MapGroup("/digest").WithTags("Daily highlights");
        digest.MapGet("/groups/{id:guid}", Day);
        digest.MapGet("/groups/{id:guid}/settings", GetSettings);
        digest.MapPut("/groups/{id:guid}/settings", PutSettings).RequireAuthorization(Policies.Write);
        digest.MapPut("/picks/{id:long}", Pick).RequireAuthorization(Policies.Write);
        digest.MapDelete("/picks/{id:long}", Unpick).RequireAuthorization(Policies.Write);
        return api;
    }

    /// <summary>The group's highlights of a local day (default: today in the workspace's zone), with the text that would be posted.</summary>
    private static async Task<Results<Ok<DigestResponse>, NotFound, ValidationProblem>> Day(
        Guid id, DateOnly? date, QunyunDb db, DigestText texts, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The day's bounds in the group's zone must exist: DateOnly.MaxValue has no next day.
        if (date is { } asked && (asked < FirstDay || asked > LastDay))
        {
            return new FieldErrors().Add("date", $"A day from {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}.").ToProblem();
        }

        var groupZone = await db.Groups.Where(g => g.Id == id).Select(g => new { g.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (groupZone is null)
        {
            return TypedResults.NotFound();
        }

        var workspace = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == db.WorkspaceId, cancellationToken);
        var zone = WorkspaceTime.Zone(groupZone.TimeZone ?? workspace.TimeZone);
        var day = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var settings = await db.DigestSettings.AsNoTracking().FirstOrDefaultAsync(d => d.GroupId == id, cancellationToken) ?? new DigestSettings { GroupId = id };
        var digest = await DailyDigest.BuildAsync(db, id, day, zone, settings.Count, cancellationToken);
        return TypedResults.Ok(DigestResponse.Of(digest, await texts.RenderAsync(db, digest, settings.TemplateId, cancellationToken)));
    }

    private static async Task<Results<Ok<DigestSettingsResponse>, NotFound>> GetSettings(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var settings = await db.DigestSettings.AsNoTracking().FirstOrDefaultAsync(d => d.GroupId == id, cancellationToken) ?? new DigestSettings { GroupId = id };
        return TypedResults.Ok(DigestSettingsResponse.Of(settings));
    }

    private static async Task<Results<Ok<DigestSettingsResponse>, NotFound, ValidationProblem>> PutSettings(
        Guid id, DigestSettingsRequest request, QunyunDb db, SaveDigestSettings save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            { Errors: { } errors } => errors.ToProblem(),
            { Settings: { } settings } => TypedResults.Ok(DigestSettingsResponse.Of(settings)),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Marks a group message (by event id) as a staff pick.</summary>
    private static async Task<Results<NoContent, NotFound>> Pick(long id, QunyunDb db, ToggleStaffPick toggle, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await toggle.ExecuteAsync(db, id, true, Actors.AuditNameOf(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Unpick(long id, QunyunDb db, ToggleStaffPick toggle, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await toggle.ExecuteAsync(db, id, false, Actors.AuditNameOf(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
