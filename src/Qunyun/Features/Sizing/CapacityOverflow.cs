using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Sizing;

/// <summary>
/// A member who joined a group that was already full. <see cref="Removed"/>: Qunyun asked the platform to remove them
/// (with a notice); otherwise the platform cannot remove members and the group is flagged for the operators.
/// </summary>
public sealed class CapacityOverflow : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public long EventId { get; set; }
    public DateTime OccurredAt { get; set; }
    public bool Removed { get; set; }
}

internal sealed class CapacityOverflowConfiguration : IEntityTypeConfiguration<CapacityOverflow>
{
    public void Configure(EntityTypeBuilder<CapacityOverflow> builder)
    {
        builder.HasOne<Group>().WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.GroupId, o.OccurredAt });
        builder.HasIndex(o => o.EventId).IsUnique();
    }
}
