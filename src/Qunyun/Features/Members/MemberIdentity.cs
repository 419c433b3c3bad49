using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Members;

/// <summary>A member as one platform knows them: the channel's user id and the name shown there.</summary>
public sealed class MemberIdentity : IWorkspaceOwned, IPipelineStateRow
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Member? Member { get; set; }
    public Guid ChannelId { get; set; }
    public Channel? Channel { get; set; }
    public required string ExternalUserId { get; set; }
    public required string DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class MemberIdentityConfiguration : IEntityTypeConfiguration<MemberIdentity>
{
    public void Configure(EntityTypeBuilder<MemberIdentity> builder)
    {
        builder.Property(i => i.ExternalUserId).HasMaxLength(128);
        builder.Property(i => i.DisplayName).HasMaxLength(200);
        builder.HasOne(i => i.Member).WithMany(m => m.Identities).HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Channel).WithMany().HasForeignKey(i => i.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ChannelId, i.ExternalUserId }).IsUnique();
        builder.HasIndex(i => i.MemberId);
    }
}
