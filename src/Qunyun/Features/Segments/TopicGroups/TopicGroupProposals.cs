using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Segments.TopicGroups;

/// <summary>
/// Topic groups from interests (the 知味意粉 case): the members whose weight for one interest tag reaches a threshold,
/// minus those already on an invitation list for that interest, ranked by weight and dealt into groups of a size.
/// </summary>
public static class TopicGroupProposals
{
    public const int DefaultGroupSize = SizeBands.IntimateLimit;

    /// <summary>The most members one proposal takes (the keenest first): 100 groups of 50.</summary>
    public const int MaxInvitees = 5_000;

    public static async Task<(TopicGroupProposal? Proposal, FieldErrors Errors)> ProposeAsync(
        QunyunDb db, InterestDecay interests, Guid interestTagId, double minWeight, int? groupSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var tag = await db.Tags.AsNoTracking().Where(t => t.Id == interestTagId).Select(t => new { t.Name, t.Kind }).FirstOrDefaultAsync(cancellationToken);
        errors.AddIf(tag is null, "InterestTagId", "No tag with this id in the workspace.");
        errors.AddIf(tag is { Kind: not TagKind.Interest }, "InterestTagId", "Topic groups are built from interest tags; this tag is not one.");
        if (errors.Any)
        {
            return (null, errors);
        }

        var size = groupSize ?? DefaultGroupSize;
        // Weights now, not as stored (see MemberTag.DecayKey); rows without a key do not decay.
        var key = interests.ThresholdKey(minWeight);
        var holders = db.MemberTags.Where(t => t.TagId == interestTagId && (t.DecayKey == null ? t.Weight >= minWeight : t.DecayKey >= key));
        var invited = db.Invitees.Where(i => i.List!.InterestTagId == interestTagId).Select(i => i.MemberId);
        var fresh = holders.Where(t => !invited.Contains(t.MemberId));
        var matching = await holders.CountAsync(cancellationToken);
        var alreadyInvited = matching - await fresh.CountAsync(cancellationToken);
        var ranked = (await fresh.OrderBy(t => t.DecayKey == null).ThenByDescending(t => t.DecayKey).ThenByDescending(t => t.Weight).ThenBy(t => t.MemberId)
            .Take(MaxInvitees).Select(t => new { t.MemberId, t.Member!.DisplayName, t.Weight, t.WeightAt }).ToListAsync(cancellationToken))
            .Select(t => new ProposedInvitee(t.MemberId, t.DisplayName, interests.Current(t.Weight, t.WeightAt))).ToList();
        var groups = InvitationSplit.Deal(ranked, size).Select((invitees, index) => new ProposedGroup(index + 1, invitees)).ToList();
        return (new TopicGroupProposal(interestTagId, tag!.Name, minWeight, size, matching, alreadyInvited, ranked.Count, groups), errors);
    }
}
