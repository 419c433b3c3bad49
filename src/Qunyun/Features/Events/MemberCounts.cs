using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>Current member counts of the groups whose memberships a batch changed, recounted from the written rows.</summary>
internal static class MemberCounts
{
    public static async Task RecountAsync(QunyunDb db, WarmState state, IEnumerable<Guid> groups, CancellationToken cancellationToken)
    {
        var touched = groups.ToList();
        if (touched.Count == 0)
        {
            return;
        }

        await db.Groups.Where(g => EF.Parameter(touched).Contains(g.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
        foreach (var group in await db.Groups.AsNoTracking().Where(g => EF.Parameter(touched).Contains(g.Id))
                     .Select(g => new { g.Id, g.MemberCount }).ToListAsync(cancellationToken))
        {
            if (state.Groups.TryGetValue(group.Id, out var row))
            {
                row.MemberCount = group.MemberCount;
            }
        }
    }
}
