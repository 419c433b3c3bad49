using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Merging;
using Qunyun.Features.Accounts;
using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>/merge-settings: the verified keys auto-merge compares, and the phone region. Owners change them.</summary>
public static class MergeSettingsApi
{
    public static void MapMergeSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/merge-settings", Get).WithTags("Merges");
        api.MapPut("/merge-settings", Put).RequireAuthorization(Policies.Admin).WithTags("Merges");
    }

    private static async Task<MergeSettingsResponse> Get(QunyunDb db, CancellationToken cancellationToken)
    {
        var settings = await MatchKeys.SettingsAsync(db, cancellationToken);
        return new MergeSettingsResponse(settings.VerifiedKeys, settings.PhoneRegion);
    }

    private static async Task<Results<Ok<MergeSettingsResponse>, ValidationProblem>> Put(
        MergeSettingsRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request.VerifiedKeys ?? [], request.PhoneRegion);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var settings = await SaveAsync(db, request.VerifiedKeys ?? [], request.PhoneRegion, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(new MergeSettingsResponse(settings.VerifiedKeys, settings.PhoneRegion));
    }

    public static FieldErrors Validate(IReadOnlyList<string> keys, string? phoneRegion)
    {
        var errors = new FieldErrors();
        errors.AddIf(keys.Count > MergeSettings.MaxKeys, "VerifiedKeys", $"At most {MergeSettings.MaxKeys} keys.");
        for (var index = 0; index < keys.Count; index++)
        {
            errors.AddIf(keys[index] is not { } key || !MemberAttributes.IsValidKey(key.Trim()), $"VerifiedKeys[{index}]",
                "'email', 'phone' or an attribute key (lower-case letters, digits and '_', starting with a letter).");
        }

        errors.AddIf(phoneRegion is not null && !MatchValues.IsRegion(phoneRegion), "PhoneRegion", "A two-letter region code such as CN, HK or US.");
        return errors;
    }

    /// <summary>Stores the settings and recomputes every member's match keys for them (nothing is merged by this).</summary>
    public static async Task<MergeSettings> SaveAsync(QunyunDb db, IEnumerable<string> keys, string? phoneRegion, DateTime now, CancellationToken cancellationToken)
    {
        var settings = await db.MergeSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new MergeSettings();
            db.MergeSettings.Add(settings);
        }

        settings.VerifiedKeys = keys.Select(k => k.Trim()).Distinct().ToList();
        settings.PhoneRegion = phoneRegion?.ToUpperInvariant() ?? settings.PhoneRegion;
        settings.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await MatchKeys.RebuildAsync(db, settings, cancellationToken);
        return settings;
    }
}
