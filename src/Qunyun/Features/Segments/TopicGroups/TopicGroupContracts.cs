using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Segments.TopicGroups;

public sealed record TopicGroupProposalRequest
{
    [Required]
    public Guid? InterestTagId { get; init; }

    /// <summary>Members whose interest weight is at least this are proposed.</summary>
    [Required, Range(0, 1_000_000)]
    public double? MinWeight { get; init; }

    /// <summary>Members per group; 50 by default, the size under which a group interacts by itself (Dunbar).</summary>
    [Range(2, 500)]
    public int? GroupSize { get; init; }
}

public sealed record CreateTopicGroupsRequest
{
    [Required]
    public Guid? InterestTagId { get; init; }

    [Required, Range(0, 1_000_000)]
    public double? MinWeight { get; init; }

    [Range(2, 500)]
    public int? GroupSize { get; init; }

    /// <summary>The channel the groups will live on.</summary>
    [Required]
    public Guid? ChannelId { get; init; }

    /// <summary>Long-term by default; a short-term group needs <see cref="EndsOn"/>.</summary>
    public GroupType? Type { get; init; }

    /// <summary>The groups' name, numbered when there are several; the interest's name by default.</summary>
    [StringLength(180)]
    public string? Name { get; init; }

    public DateOnly? EndsOn { get; init; }
}

public sealed record TopicGroupProposal(
    Guid InterestTagId,
    string InterestName,
    double MinWeight,
    int GroupSize,
    int Matching,
    int AlreadyInvited,
    int Proposed,
    IReadOnlyList<ProposedGroup> Groups);

public sealed record ProposedGroup(int Number, IReadOnlyList<ProposedInvitee> Invitees);

public sealed record ProposedInvitee(Guid MemberId, string DisplayName, double Weight);

public sealed record CreatedTopicGroup(Guid GroupId, string Name, Guid InvitationListId, int Invitees);

public sealed record InvitationListSummary(
    Guid Id, Guid GroupId, string GroupName, Guid? InterestTagId, string? InterestName, double MinWeight, int Invitees, DateTime CreatedAt);

public sealed record InvitationListResponse(
    Guid Id, Guid GroupId, string GroupName, Guid? InterestTagId, string? InterestName, double MinWeight, DateTime CreatedAt,
    IReadOnlyList<ProposedInvitee> Invitees);
