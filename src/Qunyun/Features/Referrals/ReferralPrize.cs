using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Referrals;

public enum PrizeStatus
{
    /// <summary>Reached; waiting to be handed over (or its code used).</summary>
    Earned,
    Redeemed,

    /// <summary>Taken back before redemption: helpers were revoked and the tier is no longer reached.</summary>
    Withdrawn,
}

/// <summary>
/// A prize tier a participant reached. Withdrawn when revocations drop them below the tier before redemption; once
/// redeemed it stays, and <see cref="NeedsReview"/> lists it for staff when the tier is no longer met.
/// </summary>
public sealed class ReferralPrize : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ParticipantId { get; set; }
    public int Tier { get; set; }
    public int Helpers { get; set; }
    public required string Prize { get; set; }
    public PrizeStatus Status { get; set; }
    public string? Code { get; set; }
    public int? Points { get; set; }
    public DateTime EarnedAt { get; set; }
    public DateTime? RedeemedAt { get; set; }
    public string? RedeemedBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public bool NeedsReview { get; set; }

    /// <summary>When staff dealt with it; it is not listed again.</summary>
    public DateTime? ReviewedAt { get; set; }
}

internal sealed class ReferralPrizeConfiguration : IEntityTypeConfiguration<ReferralPrize>
{
    public void Configure(EntityTypeBuilder<ReferralPrize> builder)
    {
        builder.ToTable("ReferralPrizes");
        builder.Property(p => p.Prize).HasMaxLength(100);
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.RedeemedBy).HasMaxLength(200);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ReferralCampaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReferralParticipant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ParticipantId, p.Tier }).IsUnique();
        builder.HasIndex(p => new { p.CampaignId, p.Status });
    }
}
