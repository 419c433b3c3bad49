using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>
/// A member's verified value in its normal form (see Qunyun.Engine.Merging.MatchValues), indexed so auto-merge finds
/// the other members with the same value without scanning. Written by <see cref="MatchKeys"/>; a key that went stale
/// only hides a match, because every match is checked against the members' current values before it merges.
/// </summary>
public sealed class MemberMatchKey : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Member? Member { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}

internal sealed class MemberMatchKeyConfiguration : IEntityTypeConfiguration<MemberMatchKey>
{
    public void Configure(EntityTypeBuilder<MemberMatchKey> builder)
    {
        builder.HasKey(k => new { k.MemberId, k.Key });
        builder.Property(k => k.Key).HasMaxLength(MemberAttributes.MaxKeyLength);
        builder.Property(k => k.Value).HasMaxLength(MemberAttributes.MaxValueLength);
        builder.HasOne(k => k.Member).WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.WorkspaceId, k.Key, k.Value });
    }
}
