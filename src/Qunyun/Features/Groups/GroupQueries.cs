using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Text;

namespace Qunyun.Features.Groups;

/// <summary>The filters and projections the API and the console share for group lists.</summary>
public static class GroupQueries
{
    public static IQueryable<Group> Filter(
        this IQueryable<Group> groups, string? search, GroupType? type, GroupStatus? status, Guid? channelId, ChannelKind? channelKind = null)
    {
        var folded = SearchText.Fold(search);
        if (folded.Length > 0)
        {
            groups = groups.Where(g => g.SearchText.Contains(folded));
        }

        if (type is not null)
        {
            groups = groups.Where(g => g.Type == type);
        }

        if (status is not null)
        {
            groups = groups.Where(g => g.Status == status);
        }

        if (channelId is not null)
        {
            groups = groups.Where(g => g.ChannelId == channelId);
        }

        if (channelKind is not null)
        {
            groups = groups.Where(g => g.Channel!.Kind == channelKind);
        }

        return groups;
    }

    public static IQueryable<Group> Sort(this IQueryable<Group> groups, GroupSort sort) => sort switch
    {
        GroupSort.NameDesc => groups.OrderByDescending(g => g.Name).ThenByDescending(g => g.Id),
        GroupSort.Members => groups.OrderBy(g => g.MemberCount).ThenBy(g => g.Id),
        GroupSort.MembersDesc => groups.OrderByDescending(g => g.MemberCount).ThenByDescending(g => g.Id),
        GroupSort.Created => groups.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id),
        GroupSort.CreatedDesc => groups.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id),
        _ => groups.OrderBy(g => g.Name).ThenBy(g => g.Id),
    };

    public static IQueryable<GroupResponse> ToResponses(this IQueryable<Group> groups) =>
        groups.Select(g => new GroupResponse(
            g.Id, g.ChannelId, g.Channel!.Name, g.ExternalId, g.Name, g.Type, g.Status, g.Capacity, g.MemberCount,
            g.MemberCount <= SizeBands.IntimateLimit ? SizeBand.Intimate
                : g.MemberCount <= SizeBands.StableLimit ? SizeBand.NeedsStructure : SizeBand.PastStableLimit,
            g.StartsOn, g.EndsOn, g.CreatedAt, g.TimeZone, !g.ExternalId.StartsWith(GroupLinks.Placeholder)));

    public static string SearchTextOf(Group group) => SearchText.Combine(group.Name, group.ExternalId);
}
