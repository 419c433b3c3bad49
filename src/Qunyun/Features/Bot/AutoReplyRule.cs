using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Bot;

namespace Qunyun.Features.Bot;

/// <summary>An FAQ entry: when a message matches <see cref="Pattern"/> the bot answers with the template in <see cref="AnswerZh"/>/<see cref="AnswerEn"/>.</summary>
public sealed class AutoReplyRule : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>Null: every group of the workspace.</summary>
    public Guid? GroupId { get; set; }

    public required string Name { get; set; }
    public MatchMode Mode { get; set; }
    public required string Pattern { get; set; }
    public double Threshold { get; set; } = 0.5;
    public int Priority { get; set; }
    public int GroupCooldownSeconds { get; set; } = 300;
    public int MemberCooldownSeconds { get; set; } = 3600;
    public string? AnswerZh { get; set; }
    public string? AnswerEn { get; set; }
    public bool Enabled { get; set; } = true;
    public int Version { get; set; }
    public int Hits { get; set; }
    public DateTime? LastHitAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public AutoReplyRuleDefinition Definition() => new(Id, GroupId, Mode, Pattern, Priority, Threshold);
}

/// <summary>One answer the bot gave: the cooldowns read these.</summary>
public sealed class AutoReplyHit : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid RuleId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public long EventId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class AutoReplyRuleConfiguration : IEntityTypeConfiguration<AutoReplyRule>
{
    public void Configure(EntityTypeBuilder<AutoReplyRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Pattern).HasMaxLength(4000);
        builder.Property(r => r.AnswerZh).HasMaxLength(4000);
        builder.Property(r => r.AnswerEn).HasMaxLength(4000);
        builder.HasIndex(r => new { r.WorkspaceId, r.Priority });
    }
}

internal sealed class AutoReplyHitConfiguration : IEntityTypeConfiguration<AutoReplyHit>
{
    public void Configure(EntityTypeBuilder<AutoReplyHit> builder)
    {
        builder.HasOne<AutoReplyRule>().WithMany().HasForeignKey(h => h.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.RuleId, h.GroupId, h.At });
        builder.HasIndex(h => new { h.RuleId, h.MemberId, h.At });
    }
}
