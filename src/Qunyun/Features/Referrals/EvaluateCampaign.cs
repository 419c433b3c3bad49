using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

/// <summary>What one evaluation changed.</summary>
public sealed record EvaluationReport(int Decided, int Earned, int Withdrawn, int ToReview);

/// <summary>
/// Judges every help of a campaign again (<see cref="ReferralJudge"/>) from what the database says now — people resolved
/// through their identities (a merge since makes two accounts one person), whether the helper was known before the join,
/// whether they did anything after it — then settles the prizes (<see cref="CampaignPrizes"/>).
/// </summary>
public sealed class EvaluateCampaign(CampaignPrizes prizes, TimeProvider clock)
{
    /// <summary>The same join event makes the member and the help; a member older than this before the join was known.</summary>
    private static readonly TimeSpan SameJoin = TimeSpan.FromMinutes(1);

    private static readonly string[] ActivityKinds = [EventKind.Message.WireName(), EventKind.Reaction.WireName(), EventKind.CheckIn.WireName()];

    public async Task<EvaluationReport> ExecuteAsync(QunyunDb db, ReferralCampaign campaign, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var helps = await db.ReferralHelps.Where(h => h.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var participants = await db.ReferralParticipants.AsNoTracking().Where(p => p.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var people = await ReferralPeople.ResolveAsync(db, participants.Select(p => (p.ChannelId, p.ExternalUserId))
            .Concat(helps.Select(h => (h.ChannelId, h.HelperExternalUserId))), cancellationToken);
        var helperIds = helps.Select(h => people.Of(h.ChannelId, h.HelperExternalUserId)).Distinct().ToList();
        var created = await db.Members.AsNoTracking().Where(m => helperIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.CreatedAt, cancellationToken);
        var since = helps.Count == 0 ? now : helps.Min(h => h.JoinedAt);
        var lastActive = await db.Events.AsNoTracking()
            .Where(e => e.MemberId != null && helperIds.Contains(e.MemberId.Value) && ActivityKinds.Contains(e.Kind) && e.OccurredAt > since)
            .GroupBy(e => e.MemberId!.Value).Select(g => new { g.Key, Last = g.Max(e => e.OccurredAt) }).ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var byParticipant = participants.ToDictionary(p => p.Id);
        var facts = helps.Select(h =>
        {
            var helper = people.Of(h.ChannelId, h.HelperExternalUserId);
            var inviter = byParticipant[h.ParticipantId];
            return new HelpFact(h.Id, people.Of(inviter.ChannelId, inviter.ExternalUserId), helper, h.JoinedAt, h.LeftAt,
                KnownBefore: created.TryGetValue(helper, out var at) && at < h.JoinedAt - SameJoin,
                ActiveAfterJoin: lastActive.TryGetValue(helper, out var last) && last > h.JoinedAt);
        }).ToList();
        var decided = 0;
        foreach (var verdict in ReferralJudge.Judge(facts, campaign.Judging, now))
        {
            var help = helps.First(h => h.Id == verdict.Id);
            var reasons = string.Join(',', verdict.Reasons);
            if (help.Status != verdict.Status || help.Reasons != reasons || help.DecidedAt is null)
            {
                (help.Status, help.Reasons, help.ValidFrom, help.DecidedAt) = (verdict.Status, reasons, verdict.ValidFrom, now);
                decided++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var valid = helps.Where(h => h.Status == HelpStatus.Valid).GroupBy(h => h.ParticipantId).ToDictionary(g => g.Key, g => g.Count());
        var (earned, withdrawn, review) = await prizes.SettleAsync(db, campaign, participants, valid, people, cancellationToken);
        return new EvaluationReport(decided, earned, withdrawn, review);
    }
}

/// <summary>Platform identities resolved to today's members; an identity no longer known stands for a person of its own.</summary>
public sealed class ReferralPeople
{
    private readonly Dictionary<(Guid, string), Guid> _members;

    private ReferralPeople(Dictionary<(Guid, string), Guid> members) => _members = members;

    public Guid Of(Guid channelId, string externalUserId)
    {
        if (!_members.TryGetValue((channelId, externalUserId), out var member))
        {
            _members[(channelId, externalUserId)] = member = Guid.NewGuid();
        }

        return member;
    }

    public Guid? MemberOf(Guid channelId, string externalUserId) =>
        _members.TryGetValue((channelId, externalUserId), out var member) ? member : null;

    public static async Task<ReferralPeople> ResolveAsync(QunyunDb db, IEnumerable<(Guid ChannelId, string ExternalUserId)> keys, CancellationToken cancellationToken)
    {
        var list = keys.Distinct().ToList();
        var users = list.Select(k => k.ExternalUserId).Distinct().ToList();
        var channels = list.Select(k => k.ChannelId).Distinct().ToList();
        var identities = await db.MemberIdentities.AsNoTracking().Where(i => channels.Contains(i.ChannelId) && users.Contains(i.ExternalUserId))
            .Select(i => new { i.ChannelId, i.ExternalUserId, i.MemberId }).ToListAsync(cancellationToken);
        return new ReferralPeople(identities.ToDictionary(i => (i.ChannelId, i.ExternalUserId), i => i.MemberId));
    }
}
