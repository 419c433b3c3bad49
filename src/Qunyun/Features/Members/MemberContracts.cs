using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Members;

public sealed record CreateMemberRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }

    [EmailAddress, StringLength(320)]
    public string? Email { get; init; }

    [Phone, StringLength(32)]
    public string? Phone { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }

    /// <summary>Custom attributes (key: lower-case letters, digits, '_'); a null or empty value removes the key.</summary>
    public Dictionary<string, string?>? Attributes { get; init; }

    public List<IdentityRequest> Identities { get; init; } = [];
}

public sealed record UpdateMemberRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }

    [EmailAddress, StringLength(320)]
    public string? Email { get; init; }

    [Phone, StringLength(32)]
    public string? Phone { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }

    /// <summary>Custom attributes (key: lower-case letters, digits, '_'); a null or empty value removes the key.</summary>
    public Dictionary<string, string?>? Attributes { get; init; }
}

public sealed record IdentityRequest
{
    [Required]
    public Guid? ChannelId { get; init; }

    [Required, StringLength(128, MinimumLength = 1)]
    public string? ExternalUserId { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }
}

public sealed record MemberSummary(
    Guid Id,
    string DisplayName,
    string? Email,
    int GroupCount,
    int IdentityCount,
    DateTime CreatedAt,
    DateTime? LastActiveAt);

public sealed record IdentityResponse(Guid Id, Guid ChannelId, string ChannelName, ChannelKind ChannelKind, string ExternalUserId, string DisplayName);

public sealed record SetMembershipRequest
{
    [Required]
    public MembershipRole? Role { get; init; }
}

/// <summary>A member of a group, as /groups/{id}/members lists them.</summary>
public sealed record MembershipResponse(
    Guid MemberId,
    string MemberName,
    MembershipRole Role,
    DateTime JoinedAt,
    DateTime? LeftAt);

public sealed record MemberGroupResponse(Guid GroupId, string GroupName, GroupType GroupType, MembershipRole Role, DateTime JoinedAt, DateTime? LeftAt);

/// <summary>A tag the member carries, since when; for interest tags the weight decayed to now.</summary>
public sealed record MemberTagResponse(Guid TagId, string Name, string Color, TagKind Kind, double Weight, DateTime AddedAt);

public sealed record MemberResponse(
    Guid Id,
    string DisplayName,
    string? Email,
    string? Phone,
    string? Note,
    DateTime CreatedAt,
    DateTime? LastActiveAt,
    IReadOnlyList<IdentityResponse> Identities,
    IReadOnlyList<MemberGroupResponse> Groups,
    IReadOnlyList<MemberTagResponse> Tags,
    IReadOnlyDictionary<string, string> Attributes);

public enum MemberSort
{
    Name,
    NameDesc,
    Created,
    CreatedDesc,
    LastActive,
    LastActiveDesc,
}
