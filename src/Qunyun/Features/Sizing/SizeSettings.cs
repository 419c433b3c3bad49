using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Sizing;

/// <summary>A workspace's size thresholds; a workspace without a row uses 50 and 150 (<see cref="SizeThresholds.Default"/>).</summary>
public sealed class SizeSettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public int IntimateLimit { get; set; } = SizeBands.IntimateLimit;
    public int StableLimit { get; set; } = SizeBands.StableLimit;

    public SizeThresholds Thresholds => new(IntimateLimit, StableLimit);

    public static async Task<SizeThresholds> LoadAsync(QunyunDb db, CancellationToken cancellationToken) =>
        (await db.SizeSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Thresholds ?? SizeThresholds.Default;

    /// <summary>Both positive and in order; the problems name the field.</summary>
    public static FieldErrors Check(int? intimate, int? stable) => new FieldErrors()
        .AddIf(intimate is not > 0, nameof(SizeThresholdsRequest.IntimateLimit), "A positive number of members.")
        .AddIf(stable is not > 0, nameof(SizeThresholdsRequest.StableLimit), "A positive number of members.")
        .AddIf(intimate > 0 && stable > 0 && intimate >= stable, nameof(SizeThresholdsRequest.StableLimit),
            "Must be above the limit where a group needs rules and activities.");

    /// <summary>Saves valid thresholds (checked with <see cref="Check"/>).</summary>
    public static async Task SaveAsync(QunyunDb db, int intimate, int stable, CancellationToken cancellationToken)
    {
        var row = await db.SizeSettings.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            db.SizeSettings.Add(row = new SizeSettings());
        }

        (row.IntimateLimit, row.StableLimit) = (intimate, stable);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class SizeSettingsConfiguration : IEntityTypeConfiguration<SizeSettings>
{
    public void Configure(EntityTypeBuilder<SizeSettings> builder) => builder.HasKey(s => s.WorkspaceId);
}
