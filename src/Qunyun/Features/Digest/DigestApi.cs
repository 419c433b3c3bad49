using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Moderation;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Digest;

public static class DigestApi
{
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

    /// <summary>The group's highlights of a local day (default: today in the workspace's zone).</summary>
    private static async Task<Results<Ok<DigestResponse>, NotFound>> Day(Guid id, DateOnly? date, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }

        var workspace = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == db.WorkspaceId, cancellationToken);
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var day = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var count = await db.DigestSettings.Where(d => d.GroupId == id).Select(d => (int?)d.Count).FirstOrDefaultAsync(cancellationToken) ?? 5;
        var digest = await DailyDigest.BuildAsync(db, id, day, zone, count, cancellationToken);
        return TypedResults.Ok(DigestResponse.Of(digest, DailyDigest.Render(digest, group.Name, workspace.DefaultCulture)));
    }

    private static async Task<Results<Ok<DigestSettingsResponse>, NotFound>> GetSettings(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var settings = await db.DigestSettings.AsNoTracking().FirstOrDefaultAsync(d => d.GroupId == id, cancellationToken) ?? new DigestSettings { GroupId = id };
        return TypedResults.Ok(new DigestSettingsResponse(id, settings.PostEnabled, settings.PostAt, settings.Count, settings.LastPostedOn));
    }

    private static async Task<Results<Ok<DigestSettingsResponse>, NotFound, ValidationProblem>> PutSettings(
        Guid id, DigestSettingsRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors().AddIf(request.Count is < 1 or > DigestSettings.MaxCount, "count", $"Between 1 and {DigestSettings.MaxCount}.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var settings = await db.DigestSettings.FirstOrDefaultAsync(d => d.GroupId == id, cancellationToken);
        if (settings is null)
        {
            settings = new DigestSettings { Id = Guid.CreateVersion7(clock.GetUtcNow()), GroupId = id };
            db.DigestSettings.Add(settings);
        }

        settings.PostEnabled = request.PostEnabled ?? settings.PostEnabled;
        settings.PostAt = request.PostAt ?? settings.PostAt;
        settings.Count = request.Count ?? settings.Count;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DigestSettingsResponse(id, settings.PostEnabled, settings.PostAt, settings.Count, settings.LastPostedOn));
    }

    /// <summary>Marks a group message (by event id) as a staff pick.</summary>
    private static async Task<Results<NoContent, NotFound>> Pick(long id, QunyunDb db, ToggleStaffPick toggle, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await toggle.ExecuteAsync(db, id, true, Staff.NameOf(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Unpick(long id, QunyunDb db, ToggleStaffPick toggle, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await toggle.ExecuteAsync(db, id, false, Staff.NameOf(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
