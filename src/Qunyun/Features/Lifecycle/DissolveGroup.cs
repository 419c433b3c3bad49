using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Lifecycle;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Groups;
using Qunyun.Features.Outbox;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Lifecycle;

/// <summary>
/// Dissolves one short-term group, in one transaction that first claims the schedule (Scheduled or FarewellSent →
/// Dissolved, a conditional update: a cancel, a second host or a second call finds nothing to claim): members keep a
/// tag naming the activity, the platform actions its connector can do are queued (Telegram: remove the members, then
/// leave; the webhook bridge: leave, which its gateway takes as "dissolve"), the rest is the staff checklist, and the
/// group becomes Dissolved — read-only in Qunyun: its history stays, the bot and moderation leave it alone.
/// </summary>
public sealed class DissolveGroup(ConnectorRegistry connectors, TimeProvider clock)
{
    /// <summary>False when there was nothing to claim (cancelled, already dissolved, unknown).</summary>
    public async Task<bool> ExecuteAsync(QunyunDb db, Guid lifecycleId, TimeZoneInfo workspaceZone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.GroupLifecycles
            .Where(l => l.Id == lifecycleId && (l.State == LifecycleState.Scheduled || l.State == LifecycleState.FarewellSent))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, LifecycleState.Dissolved).SetProperty(l => l.DissolvedAt, nowUtc), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var lifecycle = await db.GroupLifecycles.Include(l => l.Group!).ThenInclude(g => g.Channel!).FirstAsync(l => l.Id == lifecycleId, cancellationToken);
        var group = lifecycle.Group!;
        var members = await db.Memberships.AsNoTracking().Where(m => m.GroupId == group.Id && m.LeftAt == null)
            .Select(m => new
            {
                m.MemberId,
                m.Role,
                ExternalUserId = db.MemberIdentities.Where(i => i.MemberId == m.MemberId && i.ChannelId == group.ChannelId).Select(i => i.ExternalUserId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var plan = DissolutionPlan.For(group.Channel!.Kind, connectors.CapabilitiesOf(ChannelSnapshot.Of(group.Channel)));
        if (plan.RemoveMembers)
        {
            foreach (var member in members.Where(m => m.Role == MembershipRole.Member && m.ExternalUserId is not null))
            {
                OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new MemberAction(ConnectorActions.Kick, group.ExternalId, member.ExternalUserId!),
                    GroupLifecycle.DissolveKey(group.Id, $"kick:{member.MemberId}"), now);
            }
        }

        if (plan.Leave)
        {
            OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new LeaveAction(group.ExternalId), GroupLifecycle.DissolveKey(group.Id, "leave"), now);
        }

        await LifecycleSchedules.EnsureTasksAsync(db, group.Id, plan.Tasks, nowUtc, cancellationToken);
        var zone = group.TimeZone is null ? workspaceZone : Workspaces.WorkspaceTime.Zone(group.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        lifecycle.ActivityTagId = await ActivityTags.PutAsync(db, group.Name, $"{group.Name}: {lifecycle.EndsOn:yyyy-MM-dd} → {today:yyyy-MM-dd}",
            [.. members.Select(m => m.MemberId)], nowUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await PlatformGroupChanges.DissolveAsync(db, group.ChannelId, group.ExternalId, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
