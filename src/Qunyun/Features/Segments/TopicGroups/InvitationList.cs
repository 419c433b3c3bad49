using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Segments.TopicGroups;

/// <summary>
/// The members to invite into one topic group, in order. Qunyun only records the list; the bot sends the invitations
/// once a connector can (the list is what it will read).
/// </summary>
public sealed class InvitationList : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>The interest the members share; null once that tag is deleted (the list stays).</summary>
    public Guid? InterestTagId { get; set; }

    public Tag? InterestTag { get; set; }
    public double MinWeight { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Invitee> Invitees { get; set; } = [];
}

/// <summary>One member on an invitation list, with the interest weight that put them there.</summary>
public sealed class Invitee : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ListId { get; set; }
    public InvitationList? List { get; set; }
    public Guid MemberId { get; set; }
    public Member? Member { get; set; }
    public int Position { get; set; }
    public double Weight { get; set; }
}

internal sealed class InvitationListConfiguration : IEntityTypeConfiguration<InvitationList>
{
    public void Configure(EntityTypeBuilder<InvitationList> builder)
    {
        builder.HasOne(l => l.Group).WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.InterestTag).WithMany().HasForeignKey(l => l.InterestTagId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(l => l.GroupId);
        builder.HasIndex(l => l.InterestTagId);
    }
}

internal sealed class InviteeConfiguration : IEntityTypeConfiguration<Invitee>
{
    public void Configure(EntityTypeBuilder<Invitee> builder)
    {
        builder.HasKey(i => new { i.ListId, i.MemberId });
        builder.HasOne(i => i.List).WithMany(l => l.Invitees).HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Member).WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.MemberId);
    }
}
