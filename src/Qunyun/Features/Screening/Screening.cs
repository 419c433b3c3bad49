using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Screening;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Screening;

public enum ScreeningStatus
{
    Pending,
    Approved,
    Denied,
    Expired,
}

/// <summary>How the applicant came: a join request waiting outside, or a join on a platform without them (admitted provisionally).</summary>
public enum ScreeningVia
{
    JoinRequest,
    Provisional,
}

/// <summary>
/// One newcomer screened at one group's door, and the decision about them: who or what decided (a staff member, an
/// auto-approve rule, the task, the paid plan, the deadline), when and why. The token is the applicant's form link.
/// </summary>
public sealed class Screening : IWorkspaceOwned
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public Guid ChannelId { get; set; }
    public required string ExternalGroupId { get; set; }
    public required string ExternalUserId { get; set; }
    public EntryMode Mode { get; set; }
    public ScreeningVia Via { get; set; }
    public ScreeningStatus Status { get; set; }

    /// <summary>Unguessable; the public form's address carries it instead of any id.</summary>
    public required string Token { get; set; }

    /// <summary>The join or join request that opened it (one screening per event).</summary>
    public long? EventId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime Deadline { get; set; }

    /// <summary>Whether the applicant is in the group now (a provisional join, an approved request).</summary>
    public bool Admitted { get; set; }

    /// <summary>The answers in question order (JSON array), and the questions they answer (JSON, as asked).</summary>
    public string? Answers { get; set; }
    public string Questions { get; set; } = "[]";
    public DateTime? AnsweredAt { get; set; }

    /// <summary>The task's figures when it was last checked (friends who stayed, streak days).</summary>
    public int TaskDone { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Who decided: a staff member's name, or the rule/task/plan/deadline in words the console translates.</summary>
    public string? DecidedBy { get; set; }
    public ScreeningDecider? Decider { get; set; }
    public string? Reason { get; set; }

    /// <summary>The platform cannot remove members: a staff member must, and ticks it off here.</summary>
    public bool RemoveByHand { get; set; }
    public DateTime? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
}

public enum ScreeningDecider
{
    Staff,
    Rule,
    Task,
    Paid,
    Deadline,
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> builder)
    {
        builder.ToTable("Screenings");
        builder.Property(s => s.ExternalGroupId).HasMaxLength(128);
        builder.Property(s => s.ExternalUserId).HasMaxLength(128);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Via).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Decider).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.Property(s => s.DecidedBy).HasMaxLength(200);
        builder.Property(s => s.RemovedBy).HasMaxLength(200);
        builder.Property(s => s.Reason).HasMaxLength(Screening.ReasonMaxLength);
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => new { s.WorkspaceId, s.EventId }).IsUnique();
        builder.HasIndex(s => new { s.WorkspaceId, s.Status, s.Deadline });
        builder.HasIndex(s => new { s.WorkspaceId, s.GroupId, s.MemberId });
        builder.HasIndex(s => new { s.WorkspaceId, s.MemberId });
    }
}
