using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Members;

namespace Qunyun.Features.Points;

public enum PointsReason
{
    CheckIn,
    StreakBonus,
    Manual,
}

/// <summary>
/// One line of a member's points ledger. Append-only: entries are never changed or removed (a correction is a new
/// entry), and the balance is the sum of the member's entries. <see cref="SourceKey"/> is unique per workspace, so
/// processing the same check-in again finds its entry and awards nothing. Entries follow their member through a merge
/// (and back on undo), and go with a member who is deleted.
/// </summary>
public sealed class PointsEntry : IWorkspaceOwned
{
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public int Delta { get; set; }
    public PointsReason Reason { get; set; }
    public string? Note { get; set; }
    public required string SourceKey { get; set; }

    /// <summary>The member's local day (workspace time zone) of the check-in a CheckIn or StreakBonus entry rewards.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>The event that earned the entry (the check-in, or the message that typed the command).</summary>
    public long? EventId { get; set; }

    /// <summary>Who made a manual entry: the user's or API key's id and name.</summary>
    public string? ActorId { get; set; }
    public string? Actor { get; set; }
    public DateTime At { get; set; }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> builder)
    {
        builder.ToTable("PointsEntries");
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(PointsEntry.NoteMaxLength);
        builder.Property(e => e.SourceKey).HasMaxLength(128);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.WorkspaceId, e.SourceKey }).IsUnique();
        builder.HasIndex(e => new { e.WorkspaceId, e.MemberId });
    }
}
