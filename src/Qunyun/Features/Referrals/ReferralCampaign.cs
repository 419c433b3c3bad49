using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

/// <summary>
/// A referral campaign (任务宝 / 群裂变): members of <see cref="SegmentId"/> (everyone when null) get a personal link
/// into the target groups; friends who join through it and stay <see cref="StayDays"/> days earn them the prize tiers.
/// </summary>
public sealed class ReferralCampaign : IWorkspaceOwned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Goal { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public Guid? SegmentId { get; set; }

    /// <summary>The target groups as a JSON array of ids (a live-code pool can stand in for them after the merge).</summary>
    public string GroupIds { get; set; } = "[]";

    /// <summary>The prize tiers as JSON, helpers strictly increasing.</summary>
    public string Tiers { get; set; } = "[]";

    public RedemptionKind Redemption { get; set; }

    /// <summary>Redemption codes, one a line, handed out in order (Code campaigns).</summary>
    public string? Codes { get; set; }

    public string? FormUrl { get; set; }
    public int StayDays { get; set; } = CampaignRules.DefaultStayDays;
    public int BurstCount { get; set; } = CampaignRules.DefaultBurstCount;
    public int BurstMinutes { get; set; } = CampaignRules.DefaultBurstMinutes;
    public Guid? PosterTemplateId { get; set; }
    public CampaignState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<Guid> GroupIdList
    {
        get => JsonSerializer.Deserialize<List<Guid>>(GroupIds, Json) ?? [];
        set => GroupIds = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<PrizeTier> TierList
    {
        get => JsonSerializer.Deserialize<List<PrizeTier>>(Tiers, Json) ?? [];
        set => Tiers = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<string> CodeList => (Codes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public JudgeSettings Judging => new(StayDays, BurstCount, BurstMinutes);
}

internal sealed class ReferralCampaignConfiguration : IEntityTypeConfiguration<ReferralCampaign>
{
    public void Configure(EntityTypeBuilder<ReferralCampaign> builder)
    {
        builder.ToTable("ReferralCampaigns");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Goal).HasMaxLength(1000);
        builder.Property(c => c.GroupIds).HasMaxLength(8000);
        builder.Property(c => c.Tiers).HasMaxLength(4000);
        builder.Property(c => c.Codes).HasMaxLength(400_000);
        builder.Property(c => c.FormUrl).HasMaxLength(500);
        builder.Property(c => c.Redemption).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(c => c.GroupIdList);
        builder.Ignore(c => c.TierList);
        builder.Ignore(c => c.CodeList);
        builder.Ignore(c => c.Judging);
        builder.HasIndex(c => new { c.WorkspaceId, c.State });
    }
}
