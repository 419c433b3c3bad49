using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups;

public sealed record CreateGroupRequest
{
    [Required]
    public Guid? ChannelId { get; init; }

    /// <summary>The platform's chat id; leave it out to prepare the group before the chat exists and link it later.</summary>
    [StringLength(128)]
    public string? ExternalId { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required]
    public GroupType? Type { get; init; }

    /// <summary>Member cap; defaults to the type's policy (150 for long-term groups, 100 for product feedback…).</summary>
    [Range(2, 100_000)]
    public int? Capacity { get; init; }

    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }

    /// <summary>IANA id ("Europe/Berlin") the group's scheduled posts follow; empty: the workspace's zone.</summary>
    [StringLength(64)]
    public string? TimeZone { get; init; }
}

public sealed record LinkGroupRequest
{
    /// <summary>The platform's chat id (a chat the connector has seen, or typed).</summary>
    [Required, StringLength(128, MinimumLength = 1)]
    public string? ExternalId { get; init; }

    /// <summary>Another channel, only for a group never linked and without members; empty keeps its channel.</summary>
    public Guid? ChannelId { get; init; }
}

public sealed record UpdateGroupRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required]
    public GroupType? Type { get; init; }

    [Required]
    public GroupStatus? Status { get; init; }

    [Required, Range(2, 100_000)]
    public int? Capacity { get; init; }

    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }

    /// <summary>IANA id ("Europe/Berlin") the group's scheduled posts follow; empty: the workspace's zone.</summary>
    [StringLength(64)]
    public string? TimeZone { get; init; }
}

public sealed record GroupResponse(
    Guid Id,
    Guid ChannelId,
    string ChannelName,
    string ExternalId,
    string Name,
    GroupType Type,
    GroupStatus Status,
    int Capacity,
    int MemberCount,
    SizeBand SizeBand,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    DateTime CreatedAt,
    string? TimeZone = null,
    bool Linked = true);

public enum GroupSort
{
    Name,
    NameDesc,
    Members,
    MembersDesc,
    Created,
    CreatedDesc,
}
