using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.PaidMemberships;

/// <summary>
/// Takes a member whose membership ended out of its plan's groups: a <c>kick</c> through the outbox where the platform
/// does it, else a task for staff. Groups another membership of the member still covers, and groups the member is not
/// in, are left alone. The caller has claimed the membership (RemovedAt set) in its transaction.
/// </summary>
public sealed class MembershipRemovals(ConnectorRegistry connectors)
{
    public static string RemoveKey(Guid membershipId, Guid groupId) => $"paid-membership:{membershipId}:remove:{groupId}";

    /// <summary>How many removals were queued and how many were left to staff.</summary>
    public async Task<(int Queued, int StaffTasks)> RemoveAsync(QunyunDb db, PaidMembership membership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var groupIds = await db.MembershipPlanGroups.Where(g => g.PlanId == membership.PlanId).Select(g => g.GroupId).ToListAsync(cancellationToken);
        var stillCovered = await MembershipAccess.GroupsCoveredAsync(db, membership.MemberId, groupIds, membership.Id, now.UtcDateTime, cancellationToken);
        var inGroups = await db.Groups.AsNoTracking().Include(g => g.Channel)
            .Where(g => groupIds.Contains(g.Id) && !stillCovered.Contains(g.Id))
            .Where(g => db.Memberships.Any(m => m.GroupId == g.Id && m.MemberId == membership.MemberId && m.LeftAt == null))
            .ToListAsync(cancellationToken);
        var (queued, tasks) = (0, 0);
        foreach (var group in inGroups)
        {
            var externalUserId = await db.MemberIdentities.AsNoTracking()
                .Where(i => i.MemberId == membership.MemberId && i.ChannelId == group.ChannelId).Select(i => i.ExternalUserId).FirstOrDefaultAsync(cancellationToken);
            if (externalUserId is not null && connectors.CapabilitiesOf(ChannelSnapshot.Of(group.Channel!)).Supports(ConnectorActions.Kick))
            {
                OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new MemberAction(ConnectorActions.Kick, group.ExternalId, externalUserId),
                    RemoveKey(membership.Id, group.Id), now);
                queued++;
            }
            else if (!await db.MembershipRemovalTasks.AnyAsync(t => t.MembershipId == membership.Id && t.GroupId == group.Id, cancellationToken))
            {
                db.MembershipRemovalTasks.Add(new MembershipRemovalTask
                {
                    Id = Guid.CreateVersion7(now),
                    MembershipId = membership.Id,
                    GroupId = group.Id,
                    MemberId = membership.MemberId,
                    CreatedAt = now.UtcDateTime,
                });
                tasks++;
            }
        }

        return (queued, tasks);
    }
}
