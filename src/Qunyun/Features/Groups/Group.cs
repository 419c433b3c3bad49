using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Groups;

/// <summary>One chat group (群) on one channel.</summary>
public sealed class Group : IWorkspaceOwned, IPipelineStateRow
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public Channel? Channel { get; set; }

    /// <summary>The platform's id for the chat (Telegram chat id, WeCom chat id…).</summary>
    public required string ExternalId { get; set; }

    public required string Name { get; set; }
    public GroupType Type { get; set; }
    public GroupStatus Status { get; set; }
    public int Capacity { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>IANA zone its posts, digests and reminders follow; null: the workspace's zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Members currently in the group, kept with each membership change so lists sort on it.</summary>
    public int MemberCount { get; set; }

    /// <summary>What the group search matches (<see cref="DeriveSearchText"/>).</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>What this group changed of its type's policy, as JSON (<see cref="GroupPolicies"/>); null: all inherited.</summary>
    public string? PolicyOverrides { get; set; }

    /// <summary>Recomputes <see cref="SearchText"/> from the name and the chat id.</summary>
    public void DeriveSearchText() => SearchText = GroupQueries.SearchTextOf(this);
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.Property(g => g.ExternalId).HasMaxLength(128);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.SearchText).HasMaxLength(400);
        builder.Property(g => g.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.TimeZone).HasMaxLength(64);
        builder.Property(g => g.PolicyOverrides).HasMaxLength(4000);
        builder.HasOne(g => g.Channel).WithMany().HasForeignKey(g => g.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.ChannelId, g.ExternalId }).IsUnique();
        builder.HasIndex(g => new { g.WorkspaceId, g.Name });
        builder.HasIndex(g => new { g.WorkspaceId, g.Type });
        builder.HasIndex(g => new { g.WorkspaceId, g.MemberCount });
    }
}
