using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>One member's activity in one group on one local day. A row exists only for days the member took part.</summary>
public sealed class MemberDay : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Guid GroupId { get; set; }
    public DateOnly Day { get; set; }
    public int Messages { get; set; }
    public int Reactions { get; set; }

    /// <summary>Every interaction of the day, messages and reactions included.</summary>
    public int Interactions { get; set; }
}

/// <summary>One group's day: what dashboards, health and retention read instead of scanning raw events.</summary>
public sealed class GroupDay : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public DateOnly Day { get; set; }
    public int Messages { get; set; }
    public int Reactions { get; set; }
    public int Joins { get; set; }
    public int Leaves { get; set; }

    /// <summary>Distinct members with at least one interaction in the group that day.</summary>
    public int ActiveMembers { get; set; }
}

internal sealed class MemberDayConfiguration : IEntityTypeConfiguration<MemberDay>
{
    public void Configure(EntityTypeBuilder<MemberDay> builder)
    {
        builder.HasKey(d => new { d.MemberId, d.GroupId, d.Day });
        builder.HasIndex(d => new { d.GroupId, d.Day });
        builder.HasIndex(d => new { d.WorkspaceId, d.Day });
    }
}

internal sealed class GroupDayConfiguration : IEntityTypeConfiguration<GroupDay>
{
    public void Configure(EntityTypeBuilder<GroupDay> builder)
    {
        builder.HasKey(d => new { d.GroupId, d.Day });
        builder.HasIndex(d => new { d.WorkspaceId, d.Day });
    }
}
