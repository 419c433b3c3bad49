using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Sizing;

internal static class SplitMembers
{
    /// <summary>The group's current members, in id order (the order the planner numbers them in).</summary>
    public static Task<List<SplitMember>> CurrentAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken) =>
        (from membership in db.Memberships.AsNoTracking()
         join member in db.Members.AsNoTracking() on membership.MemberId equals member.Id
         where membership.GroupId == groupId && membership.LeftAt == null
         orderby member.Id
         select new SplitMember(member.Id, member.DisplayName)).ToListAsync(cancellationToken);

    public static Task<Dictionary<Guid, string>> NamesAsync(QunyunDb db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
}
