using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

/// <summary>
/// A friend who joined through a participant's link (助力). <see cref="Status"/> and <see cref="Reasons"/> are the
/// judge's last verdict (<see cref="ReferralJudge"/>), re-decided on every evaluation until the campaign is settled.
/// </summary>
public sealed class ReferralHelp : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ParticipantId { get; set; }
    public Guid ChannelId { get; set; }
    public required string HelperExternalUserId { get; set; }
    public required string HelperName { get; set; }
    public Guid GroupId { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LeftAt { get; set; }

    /// <summary>The invite_accepted event that attributed the join.</summary>
    public long EventId { get; set; }

    public HelpStatus Status { get; set; }

    /// <summary>The verdict's reasons, comma-separated (<see cref="HelpReason"/> names).</summary>
    public string Reasons { get; set; } = "";

    public DateTime ValidFrom { get; set; }
    public DateTime? DecidedAt { get; set; }

    public IReadOnlyList<HelpReason> ReasonList =>
        [.. Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.TryParse<HelpReason>(r, out var reason) ? reason : (HelpReason?)null).OfType<HelpReason>()];
}

internal sealed class ReferralHelpConfiguration : IEntityTypeConfiguration<ReferralHelp>
{
    public void Configure(EntityTypeBuilder<ReferralHelp> builder)
    {
        builder.ToTable("ReferralHelps");
        builder.Property(h => h.HelperExternalUserId).HasMaxLength(128);
        builder.Property(h => h.HelperName).HasMaxLength(200);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Reasons).HasMaxLength(200);
        builder.Ignore(h => h.ReasonList);
        builder.HasOne<ReferralCampaign>().WithMany().HasForeignKey(h => h.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReferralParticipant>().WithMany().HasForeignKey(h => h.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.CampaignId, h.ParticipantId, h.ChannelId, h.HelperExternalUserId }).IsUnique();
        builder.HasIndex(h => new { h.ChannelId, h.HelperExternalUserId, h.GroupId });
    }
}
