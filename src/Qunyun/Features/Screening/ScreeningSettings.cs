using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Screening;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Screening;

/// <summary>
/// The questions, deadline, task and message templates of one group (<see cref="GroupId"/>) or of all groups of a type
/// (<see cref="GroupType"/>); a group without its own row uses its type's, else the built-in setup.
/// </summary>
public sealed class ScreeningSettings : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid? GroupId { get; set; }
    public GroupType? GroupType { get; set; }

    /// <summary>The questions as JSON (<see cref="ScreeningQuestion"/> list).</summary>
    public string Questions { get; set; } = "[]";
    public int DeadlineHours { get; set; }
    public ScreeningTaskKind? TaskKind { get; set; }
    public int TaskTarget { get; set; }
    public int TaskStayDays { get; set; }

    /// <summary>Templates of the workspace to use instead of the built-in texts.</summary>
    public Guid? InviteTemplateId { get; set; }
    public Guid? DeclinedTemplateId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ScreeningSettingsConfiguration : IEntityTypeConfiguration<ScreeningSettings>
{
    public void Configure(EntityTypeBuilder<ScreeningSettings> builder)
    {
        builder.ToTable("ScreeningSettings");
        builder.Property(s => s.GroupType).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.TaskKind).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.WorkspaceId, s.GroupId }).IsUnique();
        builder.HasIndex(s => new { s.WorkspaceId, s.GroupType }).IsUnique();
    }
}

/// <summary>An auto-approve rule of one group: an application meeting it is approved without staff.</summary>
public sealed class ScreeningRule : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public AutoApproveKind Kind { get; set; }
    public int? Question { get; set; }
    public string? Value { get; set; }
    public int? Days { get; set; }
    public DateTime CreatedAt { get; set; }

    public AutoApproveCondition Condition => new(Kind, Question, Value, Days);
}

internal sealed class ScreeningRuleConfiguration : IEntityTypeConfiguration<ScreeningRule>
{
    public void Configure(EntityTypeBuilder<ScreeningRule> builder)
    {
        builder.ToTable("ScreeningRules");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Value).HasMaxLength(ScreeningSetup.MaxOptionLength);
        builder.Ignore(r => r.Condition);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.WorkspaceId, r.GroupId });
    }
}
