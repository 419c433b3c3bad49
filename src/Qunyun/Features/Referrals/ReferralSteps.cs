using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Referrals;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Referrals;

/// <summary>What one step did, summed over workspaces.</summary>
public sealed record ReferralStepReport(int Ended, int Links, int Answered, int Decided, int Earned, int Withdrawn);

/// <summary>
/// The campaigns' timed work, one step at a time (the worker every minute; tests with the fake clock): end campaigns
/// whose end date passed, pick up personal links the platform created and send the answers that waited for them,
/// and judge the helps of every campaign still settling (running, paused, or ended less than its stay days ago).
/// </summary>
public sealed class ReferralSteps(QunyunDbFactory factory, EvaluateCampaign evaluate, ReferralReplies replies, TimeProvider clock)
{
    public async Task<ReferralStepReport> StepAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var unscoped = factory.CreateUnscoped())
        {
            workspaces = await unscoped.ReferralCampaigns.IgnoreQueryFilters().Where(c => c.State != CampaignState.Draft)
                .Select(c => c.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        }

        var report = new ReferralStepReport(0, 0, 0, 0, 0, 0);
        foreach (var workspace in workspaces)
        {
            await using var db = factory.Create(workspace);
            var ended = await EndDueAsync(db, cancellationToken);
            var (links, answered) = await CollectLinksAsync(db, cancellationToken);
            report = report with { Ended = report.Ended + ended, Links = report.Links + links, Answered = report.Answered + answered };
            foreach (var campaign in await SettlingAsync(db, cancellationToken))
            {
                var result = await evaluate.ExecuteAsync(db, campaign, cancellationToken);
                report = report with
                {
                    Decided = report.Decided + result.Decided,
                    Earned = report.Earned + result.Earned,
                    Withdrawn = report.Withdrawn + result.Withdrawn,
                };
            }
        }

        return report;
    }

    private async Task<int> EndDueAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ReferralCampaigns.Where(c => (c.State == CampaignState.Running || c.State == CampaignState.Paused) && c.EndsAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CampaignState.Ended).SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    private async Task<List<ReferralCampaign>> SettlingAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = await db.ReferralCampaigns.AsNoTracking().Where(c => c.State != CampaignState.Draft).ToListAsync(cancellationToken);
        return [.. campaigns.Where(c => c.State != CampaignState.Ended || c.EndsAt.AddDays(c.StayDays + 1) > now)];
    }

    /// <summary>Links the outbox delivered (the platform's answer is the row's reference), and the answers waiting on them.</summary>
    private async Task<(int Links, int Answered)> CollectLinksAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var waiting = await db.ReferralParticipants.Where(p => p.Link == null && p.LinkRequestKey != null).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return (0, 0);
        }

        var keys = waiting.Select(p => p.LinkRequestKey!).ToList();
        var delivered = await db.Outbox.AsNoTracking().Where(o => keys.Contains(o.IdempotencyKey) && o.Status == OutboxStatus.Delivered && o.PlatformRef != null)
            .ToDictionaryAsync(o => o.IdempotencyKey, o => o.PlatformRef!, cancellationToken);
        var campaignIds = waiting.Select(p => p.CampaignId).Distinct().ToList();
        var campaigns = await db.ReferralCampaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var (links, answered) = (0, 0);
        var now = clock.GetUtcNow();
        foreach (var participant in waiting.Where(p => delivered.ContainsKey(p.LinkRequestKey!)))
        {
            (participant.Link, participant.LinkAt) = (delivered[participant.LinkRequestKey!], now.UtcDateTime);
            links++;
            if (participant.PendingCommand is { } command && campaigns[participant.CampaignId].State == CampaignState.Running)
            {
                var target = new ReplyTarget(participant.PendingExternalGroupId, participant.PendingReplyTo, participant.ExternalUserId);
                var memberId = (await ReferralPeople.ResolveAsync(db, [(participant.ChannelId, participant.ExternalUserId)], cancellationToken))
                    .MemberOf(participant.ChannelId, participant.ExternalUserId);
                var action = await replies.ReplyAsync(db, campaigns[participant.CampaignId], participant, memberId, command, target, cancellationToken);
                var groupId = participant.PendingExternalGroupId is null ? (Guid?)null : participant.GroupId;
                OutboxEntry.Enqueue(db, participant.ChannelId, groupId, action, $"ref:reply:{participant.PendingEventId}", now, participant.PendingEventId);
                answered++;
            }

            (participant.PendingCommand, participant.PendingExternalGroupId, participant.PendingReplyTo, participant.PendingEventId) = (null, null, null, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (links, answered);
    }
}
