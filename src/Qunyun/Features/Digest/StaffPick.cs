using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Events;

namespace Qunyun.Features.Digest;

/// <summary>A message staff marked for the day's highlights (精华); it always makes the digest unless moderated.</summary>
public sealed class StaffPick : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public long EventId { get; set; }
    public required string PickedBy { get; set; }
    public DateTime PickedAt { get; set; }
}

internal sealed class StaffPickConfiguration : IEntityTypeConfiguration<StaffPick>
{
    public void Configure(EntityTypeBuilder<StaffPick> builder)
    {
        builder.ToTable("StaffPicks");
        builder.Property(p => p.PickedBy).HasMaxLength(200);
        builder.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.EventId).IsUnique();
    }
}
