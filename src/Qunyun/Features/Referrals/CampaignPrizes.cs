using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Referrals;
using Qunyun.Features.Points;

namespace Qunyun.Features.Referrals;

/// <summary>
/// Prizes follow the valid helpers: a tier reached is earned (with the next free code, or points credited at once,
/// which redeems it); a tier no longer reached takes back a prize not yet redeemed (its code returns to the list) and
/// lists a redeemed one for staff (<see cref="ReferralPrize.NeedsReview"/>) — a prize already handed over is not
/// clawed back silently.
/// </summary>
public sealed class CampaignPrizes(AdjustPoints points, TimeProvider clock)
{
    public const string PointsActor = "referral";

    public async Task<(int Earned, int Withdrawn, int Review)> SettleAsync(QunyunDb db, ReferralCampaign campaign, IReadOnlyList<ReferralParticipant> participants,
        IReadOnlyDictionary<Guid, int> valid, ReferralPeople people, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tiers = campaign.TierList;
        var prizes = await db.ReferralPrizes.Where(p => p.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var used = prizes.Where(p => p.Status != PrizeStatus.Withdrawn && p.Code != null).Select(p => p.Code!).ToHashSet();
        var free = new Queue<string>(campaign.CodeList.Where(c => !used.Contains(c)));
        var (earned, withdrawn, review) = (0, 0, 0);
        var credits = new List<(ReferralPrize Prize, Guid Member)>();
        foreach (var participant in participants)
        {
            var count = valid.GetValueOrDefault(participant.Id);
            for (var tier = 0; tier < tiers.Count; tier++)
            {
                var prize = prizes.FirstOrDefault(p => p.ParticipantId == participant.Id && p.Tier == tier);
                if (tiers[tier].Helpers <= count)
                {
                    if (prize is { Status: PrizeStatus.Redeemed })
                    {
                        prize.NeedsReview = false;
                        continue;
                    }

                    if (prize is { Status: PrizeStatus.Earned })
                    {
                        continue;
                    }

                    prize ??= db.ReferralPrizes.Add(new ReferralPrize
                    {
                        Id = Guid.CreateVersion7(clock.GetUtcNow()),
                        CampaignId = campaign.Id,
                        ParticipantId = participant.Id,
                        Tier = tier,
                        Prize = tiers[tier].Prize,
                    }).Entity;
                    (prize.Status, prize.EarnedAt, prize.WithdrawnAt, prize.Helpers, prize.Prize) = (PrizeStatus.Earned, now, null, tiers[tier].Helpers, tiers[tier].Prize);
                    prize.Code = campaign.Redemption == RedemptionKind.Code && free.TryDequeue(out var code) ? code : null;
                    prize.Points = campaign.Redemption == RedemptionKind.Points ? tiers[tier].Points : null;
                    earned++;
                    if (campaign.Redemption == RedemptionKind.Points && people.MemberOf(participant.ChannelId, participant.ExternalUserId) is { } member)
                    {
                        credits.Add((prize, member));
                    }
                }
                else if (prize is { Status: PrizeStatus.Earned })
                {
                    (prize.Status, prize.WithdrawnAt, prize.Code) = (PrizeStatus.Withdrawn, now, null);
                    withdrawn++;
                }
                else if (prize is { Status: PrizeStatus.Redeemed, NeedsReview: false, ReviewedAt: null })
                {
                    prize.NeedsReview = true;
                    review++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (prize, member) in credits)
        {
            var (entry, _) = await points.ExecuteAsync(db, member, new AdjustPointsRequest(prize.Points, $"{campaign.Name}: {prize.Prize}"),
                null, PointsActor, cancellationToken);
            if (entry is not null)
            {
                (prize.Status, prize.RedeemedAt, prize.RedeemedBy) = (PrizeStatus.Redeemed, now, PointsActor);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return (earned, withdrawn, review);
    }
}

/// <summary>Staff hand a prize over (or the member used the code); a withdrawn prize cannot be redeemed.</summary>
public sealed class RedeemPrize(TimeProvider clock)
{
    /// <summary>Null: no such prize. False: not waiting to be redeemed.</summary>
    public async Task<(ReferralPrize? Prize, bool Done)> ExecuteAsync(QunyunDb db, Guid campaignId, Guid prizeId, string actor, CancellationToken cancellationToken)
    {
        var prize = await db.ReferralPrizes.FirstOrDefaultAsync(p => p.Id == prizeId && p.CampaignId == campaignId, cancellationToken);
        if (prize is not { Status: PrizeStatus.Earned })
        {
            return (prize, false);
        }

        (prize.Status, prize.RedeemedAt, prize.RedeemedBy) = (PrizeStatus.Redeemed, clock.GetUtcNow().UtcDateTime, actor.Length > 200 ? actor[..200] : actor);
        await db.SaveChangesAsync(cancellationToken);
        return (prize, true);
    }

    /// <summary>Staff dealt with a redeemed prize whose helpers no longer count.</summary>
    public async Task<bool> ReviewedAsync(QunyunDb db, Guid campaignId, Guid prizeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ReferralPrizes.Where(p => p.Id == prizeId && p.CampaignId == campaignId && p.NeedsReview)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NeedsReview, false).SetProperty(p => p.ReviewedAt, now), cancellationToken) == 1;
    }
}
