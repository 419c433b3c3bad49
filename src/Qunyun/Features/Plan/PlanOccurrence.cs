using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Plan;

public enum OccurrenceStatus
{
    Pending,

    /// <summary>The message went to the outbox (in the same transaction as this status).</summary>
    Sent,

    /// <summary>Its time passed by more than the allowed lateness (e.g. while the host was down); never sent.</summary>
    Missed,
}

/// <summary>One planned post of one entry to one group at one moment; the row that makes scheduling durable.</summary>
public sealed class PlanOccurrence : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid PlanEntryId { get; set; }
    public PlanEntry? PlanEntry { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime DueAt { get; set; }
    public OccurrenceStatus Status { get; set; }
    public DateTime? SettledAt { get; set; }

    /// <summary>The outbox idempotency key: <c>plan:{entry}:{group}:{dueUtc:o}</c>, so one occurrence is one delivery.</summary>
    public static string KeyOf(Guid entryId, Guid groupId, DateTime dueUtc) => $"plan:{entryId}:{groupId}:{dueUtc:o}";
}

internal sealed class PlanOccurrenceConfiguration : IEntityTypeConfiguration<PlanOccurrence>
{
    public void Configure(EntityTypeBuilder<PlanOccurrence> builder)
    {
        builder.ToTable("PlanOccurrences");
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(o => o.PlanEntry).WithMany().HasForeignKey(o => o.PlanEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Group).WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.PlanEntryId, o.GroupId, o.DueAt }).IsUnique();
        builder.HasIndex(o => new { o.WorkspaceId, o.Status, o.DueAt });
        builder.HasIndex(o => new { o.WorkspaceId, o.DueAt });
    }
}
