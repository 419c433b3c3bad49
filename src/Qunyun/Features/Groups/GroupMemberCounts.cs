using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Groups;

/// <summary>A group's current member count, recounted from its memberships after a writer changed them.</summary>
public static class GroupMemberCounts
{
    public static async Task RecountAsync(QunyunDb db, IEnumerable<Guid> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            await db.Groups.Where(g => ids.Contains(g.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
        }
    }
}
