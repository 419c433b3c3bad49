using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

/// <summary>
/// A member's paid membership of a plan (not <c>Groups.Membership</c>, a member's place in a group): paid until
/// <see cref="EndsAt"/>, then the plan's grace period, then removal from the plan's groups. Renewals move
/// <see cref="EndsAt"/>; a member who lapsed and pays again starts a new row. The worker's steps (a reminder, the
/// removal) are each claimed by a conditional update on this row, so two hosts never do one twice.
/// </summary>
public sealed class PaidMembership : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid PlanId { get; set; }
    public MembershipPlan? Plan { get; set; }
    public Guid MemberId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>The last reminder sent for the current end (days before it); a renewal clears it.</summary>
    public int? LastReminderDays { get; set; }

    public DateTime? RefundedAt { get; set; }

    /// <summary>When the member was taken out of the plan's groups (grace over, or refunded).</summary>
    public DateTime? RemovedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public PaidMembershipStatus StatusAt(int graceDays, DateTime nowUtc) =>
        RemovedAt is not null && RefundedAt is null ? PaidMembershipStatus.Expired : MembershipTimeline.StatusAt(EndsAt, graceDays, RefundedAt, nowUtc);
}

/// <summary>A removal from a group that the platform cannot do by itself: staff take the member out by hand.</summary>
public sealed class MembershipRemovalTask : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MembershipId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}

internal sealed class PaidMembershipConfiguration : IEntityTypeConfiguration<PaidMembership>
{
    public void Configure(EntityTypeBuilder<PaidMembership> builder)
    {
        builder.ToTable("PaidMemberships");
        builder.HasOne(m => m.Plan).WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Members.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PlanId, m.MemberId });
        builder.HasIndex(m => new { m.WorkspaceId, m.RemovedAt, m.EndsAt });
        builder.HasIndex(m => m.MemberId);
    }
}

internal sealed class MembershipRemovalTaskConfiguration : IEntityTypeConfiguration<MembershipRemovalTask>
{
    public void Configure(EntityTypeBuilder<MembershipRemovalTask> builder)
    {
        builder.ToTable("MembershipRemovalTasks");
        builder.Property(t => t.DoneBy).HasMaxLength(200);
        builder.HasOne<PaidMembership>().WithMany().HasForeignKey(t => t.MembershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Groups.Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.MembershipId, t.GroupId }).IsUnique();
        builder.HasIndex(t => new { t.WorkspaceId, t.DoneAt });
    }
}
