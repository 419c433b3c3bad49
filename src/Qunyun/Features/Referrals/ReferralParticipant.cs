using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

/// <summary>
/// A member taking part in a campaign, with their personal link. People are kept by platform identity
/// (<see cref="ChannelId"/>, <see cref="ExternalUserId"/>) and resolved to members when judged, so a merge of two
/// members after the fact is seen (self-referral) without this feature hooking into merges.
/// </summary>
public sealed class ReferralParticipant : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ChannelId { get; set; }
    public required string ExternalUserId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>The group the personal link leads into.</summary>
    public Guid GroupId { get; set; }

    /// <summary>The personal link, once the platform created it.</summary>
    public string? Link { get; set; }

    /// <summary>The outbox row that asks the platform for the link (its idempotency key).</summary>
    public string? LinkRequestKey { get; set; }

    /// <summary>A command waiting for the link to be answered (the worker answers once the link exists).</summary>
    public ReferralCommand? PendingCommand { get; set; }

    /// <summary>Where the waiting answer goes: the group chat (null: privately) and the message it answers.</summary>
    public string? PendingExternalGroupId { get; set; }
    public string? PendingReplyTo { get; set; }
    public long? PendingEventId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LinkAt { get; set; }

    public static string LinkKey(Guid participantId) => $"ref:link:{participantId}";
}

internal sealed class ReferralParticipantConfiguration : IEntityTypeConfiguration<ReferralParticipant>
{
    public void Configure(EntityTypeBuilder<ReferralParticipant> builder)
    {
        builder.ToTable("ReferralParticipants");
        builder.Property(p => p.ExternalUserId).HasMaxLength(128);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.Link).HasMaxLength(500);
        builder.Property(p => p.LinkRequestKey).HasMaxLength(200);
        builder.Property(p => p.PendingCommand).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PendingExternalGroupId).HasMaxLength(128);
        builder.Property(p => p.PendingReplyTo).HasMaxLength(128);
        builder.HasOne<ReferralCampaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CampaignId, p.ChannelId, p.ExternalUserId }).IsUnique();
        builder.HasIndex(p => new { p.ChannelId, p.ExternalUserId });
    }
}
