using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Events;

/// <summary>Member counts of the groups whose memberships a batch changed: recounted, and the warm group rows told.</summary>
internal static class MemberCounts
{
    public static async Task RecountAsync(QunyunDb db, WarmState state, IEnumerable<Guid> groups, CancellationToken cancellationToken)
    {
        var touched = groups.ToList();
        if (touched.Count == 0)
        {
            return;
        }

        await GroupMemberCounts.RecountAsync(db, touched, cancellationToken);
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
