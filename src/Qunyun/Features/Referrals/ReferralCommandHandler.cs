using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Referrals;
using Qunyun.Engine.Segments;
using Qunyun.Features.Events;
using Qunyun.Features.Segments;

namespace Qunyun.Features.Referrals;

/// <summary>
/// 「我的海报」 and 「我的助力」: the asking member becomes a participant of the campaign (if the campaign's segment holds
/// them), and gets their answer at once when their personal link exists. Otherwise the link is asked of the platform
/// (<see cref="CreateInviteLinkAction"/> named after the member, so joins through it carry them as inviter) and the
/// answer waits on the participant row until <see cref="ReferralSteps"/> sees the link delivered.
/// </summary>
internal sealed class ReferralCommandHandler(ReferralReplies replies, SegmentEvaluator segments)
{
    public async Task AnswerAsync(PipelineBatch batch, List<ProcessedEvent> asks, List<ReferralCampaign> running, CancellationToken cancellationToken)
    {
        if (asks.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var targetIds = running.SelectMany(c => c.GroupIdList).Distinct().ToList();
        var targets = await db.Groups.AsNoTracking().Where(g => targetIds.Contains(g.Id) && g.Status == GroupStatus.Active)
            .Select(g => new { g.Id, g.ChannelId, g.ExternalId }).ToDictionaryAsync(g => g.Id, cancellationToken);
        var campaignIds = running.Select(c => c.Id).ToList();
        var askers = asks.Select(p => p.Event.ExternalUserId!).Distinct().ToList();
        var participants = await db.ReferralParticipants.Where(p => campaignIds.Contains(p.CampaignId) && askers.Contains(p.ExternalUserId)).ToListAsync(cancellationToken);
        foreach (var ask in asks)
        {
            var at = ask.Event.OccurredAt;
            // In a group: the newest running campaign targeting it. In private: the newest one with a group on this channel.
            var campaign = running.Where(c => c.StartsAt <= at && at <= c.EndsAt)
                .Where(c => ask.Group is { } group ? c.GroupIdList.Contains(group.Id) : c.GroupIdList.Any(g => targets.TryGetValue(g, out var t) && t.ChannelId == ask.Event.ChannelId))
                .OrderByDescending(c => c.StartsAt).FirstOrDefault();
            if (campaign is null || !await EligibleAsync(db, campaign, ask.Member.Id, cancellationToken))
            {
                continue;
            }

            var linkGroup = ask.Group is { } asked && targets.ContainsKey(asked.Id) ? asked.Id
                : campaign.GroupIdList.FirstOrDefault(g => targets.TryGetValue(g, out var t) && t.ChannelId == ask.Event.ChannelId);
            if (!targets.TryGetValue(linkGroup, out var target))
            {
                continue;
            }

            var participant = participants.FirstOrDefault(p => p.CampaignId == campaign.Id && p.ChannelId == ask.Event.ChannelId && p.ExternalUserId == ask.Event.ExternalUserId);
            if (participant is null)
            {
                participant = db.ReferralParticipants.Add(new ReferralParticipant
                {
                    Id = Guid.CreateVersion7(batch.Clock.GetUtcNow()),
                    CampaignId = campaign.Id,
                    ChannelId = ask.Event.ChannelId,
                    ExternalUserId = ask.Event.ExternalUserId!,
                    DisplayName = ask.Member.DisplayName,
                    GroupId = target.Id,
                    CreatedAt = batch.Clock.GetUtcNow().UtcDateTime,
                }).Entity;
                participants.Add(participant);
            }

            var command = ReferralCommands.Match(ask.Payload.Message!.Text)!.Value;
            var reply = new ReplyTarget(ask.Group is null ? null : ask.Event.ExternalGroupId, ask.Group is null ? null : ask.Event.ExternalEventId, ask.Event.ExternalUserId!);
            ask.Verdicts.AnsweredBy = $"referral:{command}";
            if (participant.Link is not null)
            {
                var action = await replies.ReplyAsync(db, campaign, participant, ask.Member.Id, command, reply, cancellationToken);
                batch.Enqueue(ask, ask.Event.ChannelId, ask.Group?.Id, action, $"ref:reply:{ask.Event.Id}");
                continue;
            }

            (participant.PendingCommand, participant.PendingExternalGroupId, participant.PendingReplyTo, participant.PendingEventId) =
                (command, reply.ExternalGroupId, reply.ReplyTo, ask.Event.Id);
            if (participant.LinkRequestKey is null)
            {
                var key = ReferralParticipant.LinkKey(participant.Id);
                if (batch.Enqueue(ask, target.ChannelId, target.Id, new CreateInviteLinkAction(target.ExternalId, null, participant.ExternalUserId, null, null, null), key))
                {
                    participant.LinkRequestKey = key;
                }
            }
        }
    }

    private async Task<bool> EligibleAsync(Data.QunyunDb db, ReferralCampaign campaign, Guid memberId, CancellationToken cancellationToken)
    {
        if (campaign.SegmentId is not { } segmentId)
        {
            return true;
        }

        var definition = await db.Segments.AsNoTracking().Where(s => s.Id == segmentId).Select(s => s.Definition).FirstOrDefaultAsync(cancellationToken);
        return definition is not null && await segments.Members(db, SegmentJson.Deserialize(definition)).AnyAsync(m => m.Id == memberId, cancellationToken);
    }
}
