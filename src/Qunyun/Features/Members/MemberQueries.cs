using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Text;

namespace Qunyun.Features.Members;

/// <summary>The filters, sorts and projections the API and the console share for member lists.</summary>
public static class MemberQueries
{
    /// <summary>
    /// The workspace's members that pass the filter; <paramref name="tagged"/> is a tag's members
    /// (<see cref="IMemberTags.MembersWith"/>). Tag, group and channel conditions are written as <c>Id IN (subquery)</c>
    /// so SQLite walks the small side's index once instead of probing it for every member.
    /// </summary>
    public static IQueryable<Member> FilteredMembers(
        this QunyunDb db, string? search, IQueryable<Guid>? tagged, Guid? groupId, Guid? channelId, DateTime? activeSince)
    {
        var members = db.Members.AsNoTracking();
        var folded = SearchText.Fold(search);
        if (folded.Length > 0)
        {
            members = members.Where(m => m.SearchText.Contains(folded));
        }

        if (tagged is not null)
        {
            members = members.Where(m => tagged.Contains(m.Id));
        }

        if (groupId is not null)
        {
            members = members.Where(m => db.Memberships.Where(g => g.GroupId == groupId && g.LeftAt == null).Select(g => g.MemberId).Contains(m.Id));
        }

        if (channelId is not null)
        {
            members = members.Where(m => db.MemberIdentities.Where(i => i.ChannelId == channelId).Select(i => i.MemberId).Contains(m.Id));
        }

        if (activeSince is not null)
        {
            members = members.Where(m => m.LastActiveAt >= activeSince);
        }

        return members;
    }

    public static IQueryable<Member> Sort(this IQueryable<Member> members, MemberSort sort) => sort switch
    {
        MemberSort.NameDesc => members.OrderByDescending(m => m.DisplayName).ThenByDescending(m => m.Id),
        MemberSort.Created => members.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id),
        MemberSort.CreatedDesc => members.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
        MemberSort.LastActive => members.OrderBy(m => m.LastActiveAt).ThenBy(m => m.Id),
        MemberSort.LastActiveDesc => members.OrderByDescending(m => m.LastActiveAt).ThenByDescending(m => m.Id),
        _ => members.OrderBy(m => m.DisplayName).ThenBy(m => m.Id),
    };

    public static IQueryable<MemberSummary> ToSummaries(this IQueryable<Member> members) =>
        members.Select(m => new MemberSummary(
            m.Id, m.DisplayName, m.Email,
            m.Memberships.Count(g => g.LeftAt == null), m.Identities.Count,
            m.CreatedAt, m.LastActiveAt));

    public static async Task<MemberResponse?> FindAsync(this QunyunDb db, Guid id, IMemberTags memberTags, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var identities = await db.MemberIdentities.AsNoTracking().Where(i => i.MemberId == id).OrderBy(i => i.CreatedAt)
            .Select(i => new IdentityResponse(i.Id, i.ChannelId, i.Channel!.Name, i.Channel.Kind, i.ExternalUserId, i.DisplayName))
            .ToListAsync(cancellationToken);
        var groups = await db.Memberships.AsNoTracking().Where(m => m.MemberId == id).OrderBy(m => m.JoinedAt)
            .Select(m => new MemberGroupResponse(m.GroupId, m.Group!.Name, m.Group.Type, m.Role, m.JoinedAt, m.LeftAt))
            .ToListAsync(cancellationToken);
        var tags = await memberTags.OfAsync(db, id, cancellationToken);
        var attributes = await db.MemberAttributes.AsNoTracking().Where(a => a.MemberId == id).OrderBy(a => a.Key)
            .ToDictionaryAsync(a => a.Key, a => a.Value, cancellationToken);
        return new MemberResponse(member.Id, member.DisplayName, member.Email, member.Phone, member.Note,
            member.CreatedAt, member.LastActiveAt, identities, groups, tags, attributes);
    }

    /// <summary>Recomputes what the member search matches: name, contact details and every platform identity.</summary>
    public static string SearchTextOf(Member member, IEnumerable<MemberIdentity> identities) =>
        SearchText.Combine([member.DisplayName, member.Email, member.Phone,
            .. identities.SelectMany(i => new[] { i.DisplayName, i.ExternalUserId })]);
}
