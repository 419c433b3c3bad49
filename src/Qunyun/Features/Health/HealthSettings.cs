using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Health;

/// <summary>A workspace's own warning horizon; without a row the deployment's <see cref="HealthOptions.AtRiskDays"/> applies.</summary>
public sealed class HealthSettings : IWorkspaceOwned
{
    public const int MinAtRiskDays = 1;
    public const int MaxAtRiskDays = 180;

    public Guid WorkspaceId { get; set; }

    /// <summary>A group whose forecast silence is this many days away or closer is listed as at risk.</summary>
    public int AtRiskDays { get; set; }

    public static Task<int?> LoadAtRiskDaysAsync(QunyunDb db, CancellationToken cancellationToken) =>
        db.HealthSettings.AsNoTracking().Select(s => (int?)s.AtRiskDays).FirstOrDefaultAsync(cancellationToken);

    public static FieldErrors Check(int? atRiskDays) => new FieldErrors()
        .AddIf(atRiskDays is not (>= MinAtRiskDays and <= MaxAtRiskDays), nameof(HealthSettingsRequest.AtRiskDays), $"Between {MinAtRiskDays} and {MaxAtRiskDays} days.");

    /// <summary>Saves a valid horizon (checked with <see cref="Check"/>).</summary>
    public static async Task SaveAsync(QunyunDb db, int atRiskDays, CancellationToken cancellationToken)
    {
        var row = await db.HealthSettings.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            db.HealthSettings.Add(row = new HealthSettings());
        }

        row.AtRiskDays = atRiskDays;
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class HealthSettingsConfiguration : IEntityTypeConfiguration<HealthSettings>
{
    public void Configure(EntityTypeBuilder<HealthSettings> builder) => builder.HasKey(s => s.WorkspaceId);
}
