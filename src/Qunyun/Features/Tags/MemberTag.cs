using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Members;

namespace Qunyun.Features.Tags;

public sealed class MemberTag : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Member? Member { get; set; }
    public Guid TagId { get; set; }
    public Tag? Tag { get; set; }

    /// <summary>Interest weight for interest tags, as of <see cref="WeightAt"/> (it decays from then on); 1 for manual and rule tags.</summary>
    public double Weight { get; set; } = 1;

    public DateTime? WeightAt { get; set; }

    public DateTime AddedAt { get; set; }
}

internal sealed class MemberTagConfiguration : IEntityTypeConfiguration<MemberTag>
{
    public void Configure(EntityTypeBuilder<MemberTag> builder)
    {
        builder.HasKey(t => new { t.MemberId, t.TagId });
        builder.HasOne(t => t.Member).WithMany(m => m.Tags).HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TagId, t.MemberId });
    }
}
