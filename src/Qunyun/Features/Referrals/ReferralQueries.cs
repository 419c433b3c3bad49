using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

/// <summary>What the API and the console read about campaigns: the list, the funnel, participants, helps, prizes, the tree.</summary>
public static class ReferralQueries
{
    public static async Task<List<CampaignSummary>> SummariesAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var campaigns = await db.ReferralCampaigns.AsNoTracking().OrderByDescending(c => c.StartsAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var participants = await db.ReferralParticipants.GroupBy(p => p.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var helps = await db.ReferralHelps.GroupBy(h => h.CampaignId)
            .Select(g => new { g.Key, Joins = g.Count(), Valid = g.Count(h => h.Status == HelpStatus.Valid) }).ToDictionaryAsync(g => g.Key, cancellationToken);
        var prizes = await db.ReferralPrizes.Where(p => p.Status != PrizeStatus.Withdrawn).GroupBy(p => p.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. campaigns.Select(c => new CampaignSummary(c.Id, c.Name, c.State, c.StartsAt, c.EndsAt, participants.GetValueOrDefault(c.Id),
            helps.GetValueOrDefault(c.Id)?.Joins ?? 0, helps.GetValueOrDefault(c.Id)?.Valid ?? 0, prizes.GetValueOrDefault(c.Id)))];
    }

    /// <summary>Links handed out → joins → stayed N days (valid) → participants holding a prize (not withdrawn).</summary>
    public static async Task<CampaignFunnel> FunnelAsync(QunyunDb db, ReferralCampaign campaign, CancellationToken cancellationToken)
    {
        var links = await db.ReferralParticipants.CountAsync(p => p.CampaignId == campaign.Id && p.Link != null, cancellationToken);
        var joins = await db.ReferralHelps.CountAsync(h => h.CampaignId == campaign.Id, cancellationToken);
        var stayed = await db.ReferralHelps.CountAsync(h => h.CampaignId == campaign.Id && h.Status == HelpStatus.Valid, cancellationToken);
        var prized = await db.ReferralPrizes.Where(p => p.CampaignId == campaign.Id && p.Status != PrizeStatus.Withdrawn).Select(p => p.ParticipantId).Distinct()
            .CountAsync(cancellationToken);
        return new CampaignFunnel(links, joins, stayed, prized, campaign.StayDays);
    }

    public static async Task<List<HelpResponse>> HelpsAsync(QunyunDb db, Guid campaignId, Guid? participantId, HelpStatus? status, CancellationToken cancellationToken)
    {
        var query = db.ReferralHelps.AsNoTracking().Where(h => h.CampaignId == campaignId);
        query = participantId is { } p ? query.Where(h => h.ParticipantId == p) : query;
        query = status is { } s ? query.Where(h => h.Status == s) : query;
        var helps = await query.OrderBy(h => h.JoinedAt).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var names = await db.ReferralParticipants.AsNoTracking().Where(x => x.CampaignId == campaignId).ToDictionaryAsync(x => x.Id, x => x.DisplayName, cancellationToken);
        var people = await ReferralPeople.ResolveAsync(db, helps.Select(h => (h.ChannelId, h.HelperExternalUserId)), cancellationToken);
        return [.. helps.Select(h => new HelpResponse(h.Id, h.ParticipantId, names.GetValueOrDefault(h.ParticipantId) ?? "", people.MemberOf(h.ChannelId, h.HelperExternalUserId),
            h.HelperName, h.GroupId, h.JoinedAt, h.LeftAt, h.Status, h.ReasonList, h.ValidFrom, h.DecidedAt))];
    }

    public static async Task<List<PrizeResponse>> PrizesAsync(QunyunDb db, Guid campaignId, Guid? participantId, CancellationToken cancellationToken)
    {
        var query = db.ReferralPrizes.AsNoTracking().Where(p => p.CampaignId == campaignId);
        query = participantId is { } id ? query.Where(p => p.ParticipantId == id) : query;
        var prizes = await query.OrderByDescending(p => p.NeedsReview).ThenBy(p => p.Status).ThenBy(p => p.EarnedAt).ToListAsync(cancellationToken);
        var names = await db.ReferralParticipants.AsNoTracking().Where(x => x.CampaignId == campaignId).ToDictionaryAsync(x => x.Id, x => x.DisplayName, cancellationToken);
        return [.. prizes.Select(p => new PrizeResponse(p.Id, p.ParticipantId, names.GetValueOrDefault(p.ParticipantId) ?? "", p.Tier, p.Helpers, p.Prize, p.Status,
            p.Code, p.Points, p.EarnedAt, p.RedeemedAt, p.RedeemedBy, p.WithdrawnAt, p.NeedsReview))];
    }

    public static async Task<List<ParticipantResponse>> ParticipantsAsync(QunyunDb db, ReferralCampaign campaign, CancellationToken cancellationToken)
    {
        var participants = await db.ReferralParticipants.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var counts = await db.ReferralHelps.Where(h => h.CampaignId == campaign.Id).GroupBy(h => new { h.ParticipantId, h.Status })
            .Select(g => new { g.Key.ParticipantId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var people = await ReferralPeople.ResolveAsync(db, participants.Select(p => (p.ChannelId, p.ExternalUserId)), cancellationToken);
        var depths = (await TreeAsync(db, campaign.Id, cancellationToken)).Where(n => n.Key.StartsWith("p:", StringComparison.Ordinal))
            .ToDictionary(n => n.Key, n => n.Depth);
        var tiers = campaign.TierList;
        return [.. participants.Select(p =>
        {
            int Of(HelpStatus status) => counts.FirstOrDefault(c => c.ParticipantId == p.Id && c.Status == status)?.Count ?? 0;
            var next = PrizeLadder.Next(tiers, Of(HelpStatus.Valid));
            return new ParticipantResponse(p.Id, people.MemberOf(p.ChannelId, p.ExternalUserId), p.DisplayName, p.Link, p.CreatedAt, Of(HelpStatus.Valid),
                Of(HelpStatus.Pending), Of(HelpStatus.Revoked), Of(HelpStatus.Flagged), Of(HelpStatus.NotCounted), next?.Tier.Helpers, next?.Tier.Prize,
                depths.GetValueOrDefault($"p:{p.ChannelId}:{p.ExternalUserId}"));
        })];
    }

    /// <summary>
    /// Who brought whom: a person is keyed by their identity, so a helper who became a participant is one node.
    /// Each person hangs under the inviter of their first binding; everyone else is a root (a seed participant).
    /// </summary>
    public static async Task<List<TreeNodeResponse>> TreeAsync(QunyunDb db, Guid campaignId, CancellationToken cancellationToken)
    {
        var participants = await db.ReferralParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var helps = await db.ReferralHelps.AsNoTracking().Where(h => h.CampaignId == campaignId).OrderBy(h => h.JoinedAt).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var people = await ReferralPeople.ResolveAsync(db, participants.Select(p => (p.ChannelId, p.ExternalUserId)).Concat(helps.Select(h => (h.ChannelId, h.HelperExternalUserId))), cancellationToken);
        var keyOfParticipant = participants.ToDictionary(p => p.Id, p => $"p:{p.ChannelId}:{p.ExternalUserId}");
        var nodes = new Dictionary<string, (string Name, Guid? Member, string? Parent, ReferralHelp? Help)>();
        foreach (var p in participants)
        {
            nodes[keyOfParticipant[p.Id]] = (p.DisplayName, people.MemberOf(p.ChannelId, p.ExternalUserId), null, null);
        }

        foreach (var help in helps.Where(h => h.Status != HelpStatus.NotCounted || !h.ReasonList.Contains(HelpReason.AlreadyBound)))
        {
            var key = $"p:{help.ChannelId}:{help.HelperExternalUserId}";
            if (nodes.TryGetValue(key, out var node) && node.Parent is not null)
            {
                continue; // first binding wins
            }

            nodes[key] = (node.Name ?? help.HelperName, people.MemberOf(help.ChannelId, help.HelperExternalUserId), keyOfParticipant[help.ParticipantId], help);
        }

        var keys = nodes.Keys.ToList();
        var ids = keys.ToDictionary(k => k, _ => Guid.NewGuid());
        var placed = ReferralTree.Arrange([.. keys.Select(k => new TreeNode(ids[k], nodes[k].Parent is { } parent && ids.TryGetValue(parent, out var pid) ? pid : null))])
            .ToDictionary(n => n.Id);
        return [.. keys.Select(k => new TreeNodeResponse(k, nodes[k].Member, nodes[k].Name, placed[ids[k]].Parent is null ? null : nodes[k].Parent, placed[ids[k]].Depth,
            placed[ids[k]].Row, nodes[k].Help?.Status, nodes[k].Help?.ReasonList ?? []))];
    }
}
