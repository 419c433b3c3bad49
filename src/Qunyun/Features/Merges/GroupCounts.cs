using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Merges;

internal static class GroupCounts
{
    /// <summary>Member counts of the groups whose memberships a merge or undo changed, recounted from the memberships.</summary>
    public static async Task RecountAsync(QunyunDb db, IEnumerable<Guid> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.Distinct().ToList();
        await db.Groups.Where(g => ids.Contains(g.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
    }
}
