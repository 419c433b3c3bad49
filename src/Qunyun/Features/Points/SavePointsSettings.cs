using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Points;

namespace Qunyun.Features.Points;

public sealed class SavePointsSettings
{
    public async Task<(PointsSettings? Settings, FieldErrors Errors)> ExecuteAsync(QunyunDb db, PointsSettingsRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var current = await db.PointsSettings.FirstOrDefaultAsync(cancellationToken);
        var defaults = current ?? new PointsSettings();
        var rules = new PointsRules(request.PerCheckIn ?? defaults.PerCheckIn, request.StreakBonus ?? defaults.StreakBonus, request.BonusEvery ?? defaults.BonusEvery);
        foreach (var (field, message) in rules.Problems())
        {
            errors.Add(field, message);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var settings = current ?? db.PointsSettings.Add(new PointsSettings { WorkspaceId = db.WorkspaceId }).Entity;
        settings.Enabled = request.Enabled ?? settings.Enabled;
        (settings.PerCheckIn, settings.StreakBonus, settings.BonusEvery) = (rules.PerCheckIn, rules.StreakBonus, rules.BonusEvery);
        await db.SaveChangesAsync(cancellationToken);
        return (settings, errors);
    }
}
