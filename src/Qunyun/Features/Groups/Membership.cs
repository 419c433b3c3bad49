using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups;

/// <summary>
/// A member's place in a group; a row stays after the member leaves (LeftAt set). Its member is configured from the
/// member's side (Member.Memberships): groups sit below members.
/// </summary>
public sealed class Membership : IWorkspaceOwned, IPipelineStateRow
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public MembershipRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LeftAt { get; set; }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.GroupId, m.MemberId }).IsUnique();
        builder.HasIndex(m => new { m.MemberId, m.GroupId });

        // Covering for segment filters ("in / not in these groups"): current members without reading table rows.
        builder.HasIndex(m => new { m.GroupId, m.WorkspaceId, m.LeftAt, m.MemberId });
    }
}
