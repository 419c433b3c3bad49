using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Points;

namespace Qunyun.Features.Points;

/// <summary>How a workspace rewards check-ins; a workspace without a row uses the defaults (5 a day, 20 more every 7th day).</summary>
public sealed class PointsSettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public bool Enabled { get; set; } = true;
    public int PerCheckIn { get; set; } = PointsRules.DefaultPerCheckIn;
    public int StreakBonus { get; set; } = PointsRules.DefaultStreakBonus;
    public int BonusEvery { get; set; } = PointsRules.DefaultBonusEvery;

    public PointsRules Rules => new(PerCheckIn, StreakBonus, BonusEvery);

    public static async Task<PointsSettings> LoadAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.PointsSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new PointsSettings { WorkspaceId = db.WorkspaceId };
}

internal sealed class PointsSettingsConfiguration : IEntityTypeConfiguration<PointsSettings>
{
    public void Configure(EntityTypeBuilder<PointsSettings> builder) => builder.HasKey(s => s.WorkspaceId);
}
