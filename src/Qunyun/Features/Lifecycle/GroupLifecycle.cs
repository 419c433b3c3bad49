using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Lifecycle;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Lifecycle;

public enum LifecycleState
{
    /// <summary>Waiting for the farewell.</summary>
    Scheduled,

    /// <summary>The farewell is in the outbox; the dissolution waits.</summary>
    FarewellSent,

    /// <summary>Done: the group is dissolved and read-only.</summary>
    Dissolved,

    /// <summary>Staff cancelled it before it started; postponing schedules it again.</summary>
    Cancelled,
}

/// <summary>
/// The end of one short-term group (短期活动群): farewell, then dissolution, each due at a moment the worker acts on.
/// Every step moves <see cref="State"/> with a conditional update in the transaction that queues its actions, so a
/// step happens once however many hosts run the worker, and a cancel wins only while the step has not begun.
/// </summary>
public sealed class GroupLifecycle : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>The end date the schedule was computed from; a changed end date recomputes a schedule not yet begun.</summary>
    public DateOnly EndsOn { get; set; }

    public DateTime FarewellDueAt { get; set; }
    public DateTime DissolveDueAt { get; set; }
    public LifecycleState State { get; set; }

    /// <summary>Staff moved the dissolution to another day; a changed end date then no longer recomputes it.</summary>
    public bool Postponed { get; set; }

    public DateTime? FarewellSentAt { get; set; }
    public DateTime? DissolvedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>Who cancelled or postponed last (a console user or an API key).</summary>
    public string? ChangedBy { get; set; }

    /// <summary>The tag naming the activity that the members kept.</summary>
    public Guid? ActivityTagId { get; set; }

    public DateTime CreatedAt { get; set; }

    public static string FarewellKey(Guid groupId) => $"lifecycle:{groupId}:farewell";

    public static string DissolveKey(Guid groupId, string step) => $"lifecycle:{groupId}:dissolve:{step}";
}

/// <summary>One item of the checklist staff work through when a group ends (what no connector can do).</summary>
public sealed class LifecycleTask : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public LifecycleTaskKind Kind { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class GroupLifecycleConfiguration : IEntityTypeConfiguration<GroupLifecycle>
{
    public void Configure(EntityTypeBuilder<GroupLifecycle> builder)
    {
        builder.ToTable("GroupLifecycles");
        builder.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.ChangedBy).HasMaxLength(200);
        builder.HasOne(l => l.Group).WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.GroupId).IsUnique();
        builder.HasIndex(l => new { l.WorkspaceId, l.State, l.DissolveDueAt });
    }
}

internal sealed class LifecycleTaskConfiguration : IEntityTypeConfiguration<LifecycleTask>
{
    public void Configure(EntityTypeBuilder<LifecycleTask> builder)
    {
        builder.ToTable("LifecycleTasks");
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.DoneBy).HasMaxLength(200);
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.GroupId, t.Kind }).IsUnique();
    }
}
