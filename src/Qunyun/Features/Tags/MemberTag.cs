using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
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

    /// <summary>
    /// For interest tags, <see cref="InterestWeight.DecayKey"/> of the weight: "weight now ≥ θ" is
    /// <c>DecayKey ≥ InterestWeight.ThresholdKey(θ, now)</c> and ordering by it orders by the weight now. Null for tags
    /// whose weight does not decay.
    /// </summary>
    public DateTime? DecayKey { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>Stores an interest weight as of <paramref name="at"/> together with its decay key.</summary>
    public void SetInterest(double weight, DateTime at, TimeSpan halfLife) =>
        (Weight, WeightAt, DecayKey) = (weight, at, InterestWeight.DecayKey(weight, at, halfLife));
}

internal sealed class MemberTagConfiguration : IEntityTypeConfiguration<MemberTag>
{
    public void Configure(EntityTypeBuilder<MemberTag> builder)
    {
        builder.HasKey(t => new { t.MemberId, t.TagId });
        builder.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        // Covering for segment filters: a tag's members without reading table rows (the workspace filter included).
        builder.HasIndex(t => new { t.TagId, t.WorkspaceId, t.MemberId });
        builder.HasIndex(t => new { t.TagId, t.DecayKey });
    }
}
