using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Moderation;

public enum DecisionStatus
{
    /// <summary>The actions went to the outbox and stand.</summary>
    Applied,

    /// <summary>Staff undid the reversible actions (unmute, unban) and the strike.</summary>
    Reversed,

    /// <summary>Reversed, and the match went to the group's allow-list.</summary>
    FalsePositive,

    /// <summary>A staff action that undid another decision (<see cref="ModerationDecision.ReversesId"/>).</summary>
    Reversal,
}

/// <summary>
/// The audit trail: one row per moderated message (the first rule it broke names it; <see cref="Hits"/> lists all),
/// and one per staff reversal. Actor is "rule:{key}" or "staff:{name}".
/// </summary>
public sealed class ModerationDecision : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public long? EventId { get; set; }
    public string? ExternalEventId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid? GroupId { get; set; }
    public Guid MemberId { get; set; }
    public required string ExternalUserId { get; set; }
    public string? RuleKey { get; set; }
    public string? Detector { get; set; }

    /// <summary>The version that holds the rule, and the versions in force as people read them ("v4 + group v2").</summary>
    public Guid? RuleSetVersionId { get; set; }

    public string? VersionLabel { get; set; }

    /// <summary>The first hit's text and span (UTF-16 offsets into the message text).</summary>
    public string? Matched { get; set; }

    public int? SpanStart { get; set; }
    public int? SpanLength { get; set; }

    /// <summary>Every hit as JSON: rule, detector, start, length, text, detail.</summary>
    public string Hits { get; set; } = "[]";

    /// <summary>Comma-separated, as queued: "delete,warn", "delete,mute(60)", "unban".</summary>
    public required string Actions { get; set; }

    public int? Strike { get; set; }
    public required string Actor { get; set; }
    public DecisionStatus Status { get; set; }
    public Guid? ReversesId { get; set; }
    public string? Note { get; set; }

    /// <summary>The start of the message, so reviewers see it without opening the event.</summary>
    public string? Excerpt { get; set; }

    public DateTime OccurredAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
}

internal sealed class ModerationDecisionConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> builder)
    {
        builder.ToTable("ModerationDecisions");
        builder.Property(d => d.ExternalEventId).HasMaxLength(128);
        builder.Property(d => d.ExternalUserId).HasMaxLength(128);
        builder.Property(d => d.RuleKey).HasMaxLength(64);
        builder.Property(d => d.Detector).HasMaxLength(32);
        builder.Property(d => d.VersionLabel).HasMaxLength(64);
        builder.Property(d => d.Matched).HasMaxLength(200);
        builder.Property(d => d.Actions).HasMaxLength(200);
        builder.Property(d => d.Actor).HasMaxLength(200);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(500);
        builder.Property(d => d.Excerpt).HasMaxLength(500);
        builder.Property(d => d.ReviewedBy).HasMaxLength(200);
        builder.HasIndex(d => new { d.WorkspaceId, d.OccurredAt });
        builder.HasIndex(d => new { d.GroupId, d.OccurredAt });
        builder.HasIndex(d => new { d.MemberId, d.OccurredAt });
        builder.HasIndex(d => d.EventId);
    }
}
