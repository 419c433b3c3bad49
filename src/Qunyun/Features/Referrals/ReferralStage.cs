using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Referrals;
using Qunyun.Features.Events;

namespace Qunyun.Features.Referrals;

/// <summary>
/// The referral campaigns in the pipeline, after the bot: joins through a participant's personal link become helps
/// (attributed by the invite_accepted event's inviter), a helper leaving a target group is noted on their helps (the
/// judge revokes them), and 「我的海报」/「我的助力」 in a campaign's group or in private are answered
/// (<see cref="ReferralCommandHandler"/>) unless the bot already answered the message. Running campaigns are read once,
/// and only when the batch holds one of these events.
/// </summary>
internal sealed class ReferralStage(ReferralCommandHandler commands) : IPipelineStage
{
    public string Name => PipelineStages.Referrals;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var invites = batch.Events.Where(p => p is { Kind: EventKind.InviteAccepted, Group: not null, Event.ExternalUserId: not null }
            && p.Payload.Invite?.InviterExternalUserId is { Length: > 0 }).ToList();
        var leaves = batch.Events.Where(p => p is { Kind: EventKind.MemberLeft, Group: not null, Event.ExternalUserId: not null }).ToList();
        var asks = batch.Events.Where(IsCommand).ToList();
        if (invites.Count == 0 && leaves.Count == 0 && asks.Count == 0)
        {
            return;
        }

        if (leaves.Count > 0)
        {
            await NoteLeavesAsync(batch, leaves, cancellationToken);
        }

        if (invites.Count == 0 && asks.Count == 0)
        {
            return;
        }

        var running = await batch.Db.ReferralCampaigns.AsNoTracking().Where(c => c.State == CampaignState.Running).ToListAsync(cancellationToken);
        if (running.Count == 0)
        {
            return;
        }

        await AttributeAsync(batch, invites, running, cancellationToken);
        await commands.AnswerAsync(batch, asks, running, cancellationToken);
    }

    private static bool IsCommand(ProcessedEvent p) =>
        p is { Kind: EventKind.Message, Event.ExternalUserId: not null, Verdicts.Moderated: false, Verdicts.AnsweredBy: null }
        && (p.Group is null || p.Group.Status == GroupStatus.Active)
        && ReferralCommands.Match(p.Payload.Message?.Text) is not null;

    /// <summary>A helper who leaves a target group: every open help of theirs into that group gets the time (one query).</summary>
    private static async Task NoteLeavesAsync(PipelineBatch batch, List<ProcessedEvent> leaves, CancellationToken cancellationToken)
    {
        var users = leaves.Select(p => p.Event.ExternalUserId!).Distinct().ToList();
        var groups = leaves.Select(p => p.Group!.Id).Distinct().ToList();
        var open = await batch.Db.ReferralHelps.Where(h => users.Contains(h.HelperExternalUserId) && groups.Contains(h.GroupId) && h.LeftAt == null)
            .ToListAsync(cancellationToken);
        foreach (var leave in leaves)
        {
            foreach (var help in open.Where(h => h.HelperExternalUserId == leave.Event.ExternalUserId && h.ChannelId == leave.Event.ChannelId
                && h.GroupId == leave.Group!.Id && h.JoinedAt <= leave.Event.OccurredAt && h.LeftAt is null))
            {
                help.LeftAt = leave.Event.OccurredAt;
            }
        }
    }

    /// <summary>
    /// A join through a personal link counts for the participant who owns it, in the newest running campaign that
    /// targets the group and has that participant. The judge decides later whether it is valid; the first binding of a
    /// helper is kept by the judge too, so a second inviter sees why theirs does not count.
    /// </summary>
    private static async Task AttributeAsync(PipelineBatch batch, List<ProcessedEvent> invites, List<ReferralCampaign> running, CancellationToken cancellationToken)
    {
        if (invites.Count == 0)
        {
            return;
        }

        var campaignIds = running.Select(c => c.Id).ToList();
        var inviters = invites.Select(p => p.Payload.Invite!.InviterExternalUserId!).Distinct().ToList();
        var participants = await batch.Db.ReferralParticipants.AsNoTracking()
            .Where(p => campaignIds.Contains(p.CampaignId) && inviters.Contains(p.ExternalUserId)).ToListAsync(cancellationToken);
        if (participants.Count == 0)
        {
            return;
        }

        var participantIds = participants.Select(p => p.Id).ToList();
        var helpers = invites.Select(p => p.Event.ExternalUserId!).Distinct().ToList();
        var existing = (await batch.Db.ReferralHelps.AsNoTracking().Where(h => participantIds.Contains(h.ParticipantId) && helpers.Contains(h.HelperExternalUserId))
            .Select(h => new { h.ParticipantId, h.ChannelId, h.HelperExternalUserId }).ToListAsync(cancellationToken))
            .Select(h => (h.ParticipantId, h.ChannelId, h.HelperExternalUserId)).ToHashSet();
        foreach (var invite in invites)
        {
            var at = invite.Event.OccurredAt;
            var owner = participants.Where(p => p.ChannelId == invite.Event.ChannelId && p.ExternalUserId == invite.Payload.Invite!.InviterExternalUserId)
                .Select(p => (Participant: p, Campaign: running.First(c => c.Id == p.CampaignId)))
                .Where(x => x.Campaign.GroupIdList.Contains(invite.Group!.Id) && x.Campaign.StartsAt <= at && at <= x.Campaign.EndsAt)
                .OrderByDescending(x => x.Campaign.StartsAt).FirstOrDefault();
            if (owner.Participant is null || !existing.Add((owner.Participant.Id, invite.Event.ChannelId, invite.Event.ExternalUserId!)))
            {
                continue;
            }

            batch.Db.ReferralHelps.Add(new ReferralHelp
            {
                Id = Guid.CreateVersion7(batch.Clock.GetUtcNow()),
                CampaignId = owner.Campaign.Id,
                ParticipantId = owner.Participant.Id,
                ChannelId = invite.Event.ChannelId,
                HelperExternalUserId = invite.Event.ExternalUserId!,
                HelperName = invite.Member.DisplayName,
                GroupId = invite.Group!.Id,
                JoinedAt = at,
                EventId = invite.Event.Id,
                Status = HelpStatus.Pending,
                ValidFrom = at.AddDays(owner.Campaign.StayDays),
            });
        }
    }
}
