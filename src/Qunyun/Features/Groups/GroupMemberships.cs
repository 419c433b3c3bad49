using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups;

/// <summary>Puts a member in a group with a role, or takes them out, by hand; the group's member count follows.</summary>
public static class GroupMemberships
{
    /// <summary>The membership as it now is (a member who had left joins again now), or null when there is no such group.</summary>
    public static async Task<Membership?> SetAsync(
        QunyunDb db, Guid groupId, Guid memberId, MembershipRole role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return null;
        }

        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == groupId && m.MemberId == memberId, cancellationToken);
        if (membership is null)
        {
            membership = new Membership { Id = Guid.CreateVersion7(now), GroupId = groupId, MemberId = memberId };
            db.Memberships.Add(membership);
        }

        if (membership.LeftAt is not null || db.Entry(membership).State == EntityState.Added)
        {
            membership.JoinedAt = now.UtcDateTime;
            membership.LeftAt = null;
        }

        membership.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        await GroupMemberCounts.RecountAsync(db, [groupId], cancellationToken);
        return membership;
    }

    /// <summary>Marks the member as having left; false when they are not in the group now.</summary>
    public static async Task<bool> LeaveAsync(QunyunDb db, Guid groupId, Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == groupId && m.MemberId == memberId && m.LeftAt == null, cancellationToken);
        if (membership is null)
        {
            return false;
        }

        membership.LeftAt = now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await GroupMemberCounts.RecountAsync(db, [groupId], cancellationToken);
        return true;
    }
}
