using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

public sealed record PrizeTierRequest(int? Helpers, string? Prize, int? Points);

/// <summary>A campaign as the editor and the API write it; <see cref="StayDays"/> defaults to 7.</summary>
public sealed record CampaignRequest
{
    public string? Name { get; init; }
    public string? Goal { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public Guid? SegmentId { get; init; }
    public List<Guid>? GroupIds { get; init; }
    public List<PrizeTierRequest>? Tiers { get; init; }
    public RedemptionKind? Redemption { get; init; }

    /// <summary>Redemption codes, one a line.</summary>
    public string? Codes { get; init; }

    public string? FormUrl { get; init; }
    public int? StayDays { get; init; }
    public int? BurstCount { get; init; }
    public int? BurstMinutes { get; init; }
    public Guid? PosterTemplateId { get; init; }
}

public sealed record CampaignStateRequest(CampaignState? State);

public sealed record CampaignResponse(
    Guid Id, string Name, string? Goal, DateTime StartsAt, DateTime EndsAt, Guid? SegmentId, IReadOnlyList<Guid> GroupIds,
    IReadOnlyList<PrizeTier> Tiers, RedemptionKind Redemption, int Codes, string? FormUrl, int StayDays, int BurstCount, int BurstMinutes,
    Guid? PosterTemplateId, CampaignState State, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static CampaignResponse Of(ReferralCampaign c) => new(c.Id, c.Name, c.Goal, c.StartsAt, c.EndsAt, c.SegmentId, c.GroupIdList, c.TierList,
        c.Redemption, c.CodeList.Count, c.FormUrl, c.StayDays, c.BurstCount, c.BurstMinutes, c.PosterTemplateId, c.State, c.CreatedAt, c.UpdatedAt);
}

/// <summary>A campaign in the list, with its headline numbers.</summary>
public sealed record CampaignSummary(Guid Id, string Name, CampaignState State, DateTime StartsAt, DateTime EndsAt, int Participants, int Joins, int Valid, int Prizes);

/// <summary>Personal links handed out → joins through them → stayed N days (valid) → participants who reached a prize.</summary>
public sealed record CampaignFunnel(int Links, int Joins, int Stayed, int Prizes, int StayDays);

public sealed record HelpResponse(
    Guid Id, Guid ParticipantId, string InviterName, Guid? HelperMemberId, string HelperName, Guid GroupId, DateTime JoinedAt, DateTime? LeftAt,
    HelpStatus Status, IReadOnlyList<HelpReason> Reasons, DateTime ValidFrom, DateTime? DecidedAt);

public sealed record PrizeResponse(
    Guid Id, Guid ParticipantId, string ParticipantName, int Tier, int Helpers, string Prize, PrizeStatus Status, string? Code, int? Points,
    DateTime EarnedAt, DateTime? RedeemedAt, string? RedeemedBy, DateTime? WithdrawnAt, bool NeedsReview);

public sealed record ParticipantResponse(
    Guid Id, Guid? MemberId, string Name, string? Link, DateTime CreatedAt, int Valid, int Pending, int Revoked, int Flagged, int NotCounted,
    int? NextTierHelpers, string? NextPrize, int Depth);

/// <summary>One person in the referral tree: a participant or a helper, with who brought them.</summary>
public sealed record TreeNodeResponse(string Key, Guid? MemberId, string Name, string? ParentKey, int Depth, double Row, HelpStatus? Status, IReadOnlyList<HelpReason> Reasons);
