using System.ComponentModel.DataAnnotations;
using Qunyun.Api;

namespace Qunyun.Features.Sizing;

public sealed record SizeThresholdsRequest
{
    /// <summary>Up to this many members a group talks by itself; above it, it needs rules and activities (default 50).</summary>
    [Required]
    public int? IntimateLimit { get; init; }

    /// <summary>Above this many members the assistant recommends a split (default 150, Dunbar's number).</summary>
    [Required]
    public int? StableLimit { get; init; }
}

public sealed record SizeThresholdsResponse(int IntimateLimit, int StableLimit);

public sealed record ProposeSplitRequest
{
    /// <summary>How many subgroups; default: enough for none to be above halfway between the two thresholds.</summary>
    public int? Groups { get; init; }

    /// <summary>Community detection's seed: the same seed on the same interactions gives the same proposal.</summary>
    public int? Seed { get; init; }
}

public sealed record MoveSplitMemberRequest
{
    /// <summary>The proposed subgroup (1…k) the member goes to.</summary>
    [Required]
    public int? Subgroup { get; init; }
}

public sealed record InviteLinkRequest
{
    /// <summary>The proposed subgroup (1…k) whose new group needs an invite link.</summary>
    [Required]
    public int? Subgroup { get; init; }
}

public sealed record ApproveSplitRequest
{
    /// <summary>The new groups' names, one per subgroup in order; empty keeps the proposed names.</summary>
    public List<string>? Names { get; init; }

    /// <summary>What the old group is told; empty: the default announcement naming the new groups.</summary>
    [StringLength(2000)]
    public string? Announcement { get; init; }
}

public sealed record SplitMember(Guid MemberId, string DisplayName);

public sealed record SplitInterest(Guid TagId, string Name, int Members);

/// <param name="InternalShare">The share of its members' replies and mentions that stayed among them; null without any.</param>
public sealed record SplitSubgroupResponse(
    int Number, string Name, double? InternalShare, IReadOnlyList<SplitInterest> SharedInterests, IReadOnlyList<SplitMember> Members,
    Guid? CreatedGroupId, bool CreatedGroupLinked, SplitInviteLink? InviteLink);

/// <summary>An invite link asked of the platform for a new group: queued until delivered, then the link itself.</summary>
public sealed record SplitInviteLink(bool Delivered, bool Failed, string? Link);

public sealed record SplitProposalResponse(
    Guid Id, Guid GroupId, string GroupName, int GroupMembers, SplitStatus Status, int Seed, DateTime CreatedAt, DateTime? ApprovedAt,
    int Interactions, string? Announcement, bool AnnouncementQueued, IReadOnlyList<SplitSubgroupResponse> Subgroups);

public sealed record SplitProposalSummary(Guid Id, SplitStatus Status, int Subgroups, DateTime CreatedAt);

/// <summary>What a split use case did: the proposal, or why not.</summary>
public abstract record SplitOutcome
{
    private SplitOutcome()
    {
    }

    public sealed record Done(Guid Id) : SplitOutcome;

    public sealed record NotFound : SplitOutcome;

    public sealed record Invalid(FieldErrors Errors) : SplitOutcome;

    public sealed record Conflict(string Detail) : SplitOutcome;
}
