using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// Everything one batch reads and writes, loaded with a handful of set queries up front and kept tracked, so the
/// per-event work is dictionary lookups.
/// </summary>
internal sealed class BatchState(QunyunDb db)
{
    public QunyunDb Db => db;
    public Dictionary<Guid, Channel> Channels { get; private set; } = [];
    public Dictionary<(Guid Channel, string External), Group> Groups { get; } = [];
    public Dictionary<(Guid Channel, string External), MemberIdentity> Identities { get; } = [];
    public Dictionary<(Guid Member, Guid Group), Membership> Memberships { get; } = [];
    public Dictionary<(Guid Member, Guid Group, DateOnly Day), MemberDay> MemberDays { get; } = [];
    public Dictionary<(Guid Group, DateOnly Day), GroupDay> GroupDays { get; } = [];
    public HashSet<Guid> TouchedGroups { get; } = [];

    public static async Task<BatchState> LoadAsync(QunyunDb db, List<Event> events, CancellationToken cancellationToken)
    {
        var state = new BatchState(db) { Channels = await db.Channels.ToDictionaryAsync(c => c.Id, cancellationToken) };
        // Each lookup names the channels too, so the (ChannelId, external id) unique indexes serve it.
        var channelIds = events.Select(e => e.ChannelId).Distinct().ToList();
        var groupIds = events.Where(e => e.ExternalGroupId is not null).Select(e => e.ExternalGroupId!).Distinct().ToList();
        foreach (var group in await db.Groups.Where(g => channelIds.Contains(g.ChannelId) && groupIds.Contains(g.ExternalId)).ToListAsync(cancellationToken))
        {
            state.Groups[(group.ChannelId, group.ExternalId)] = group;
        }

        var userIds = events.Where(e => e.ExternalUserId is not null).Select(e => e.ExternalUserId!).Distinct().ToList();
        foreach (var identity in await db.MemberIdentities.Include(i => i.Member).Where(i => channelIds.Contains(i.ChannelId) && userIds.Contains(i.ExternalUserId)).ToListAsync(cancellationToken))
        {
            state.Identities[(identity.ChannelId, identity.ExternalUserId)] = identity;
        }

        var memberIds = state.Identities.Values.Select(i => i.MemberId).Distinct().ToList();
        foreach (var membership in await db.Memberships.Where(m => memberIds.Contains(m.MemberId)).ToListAsync(cancellationToken))
        {
            state.Memberships[(membership.MemberId, membership.GroupId)] = membership;
        }

        var earliest = DateOnly.FromDateTime(events.Min(e => e.OccurredAt)).AddDays(-1);
        var latest = DateOnly.FromDateTime(events.Max(e => e.OccurredAt)).AddDays(1);
        foreach (var day in await db.MemberDays.Where(d => memberIds.Contains(d.MemberId) && d.Day >= earliest && d.Day <= latest).ToListAsync(cancellationToken))
        {
            state.MemberDays[(day.MemberId, day.GroupId, day.Day)] = day;
        }

        var knownGroups = state.Groups.Values.Select(g => g.Id).ToList();
        foreach (var day in await db.GroupDays.Where(d => knownGroups.Contains(d.GroupId) && d.Day >= earliest && d.Day <= latest).ToListAsync(cancellationToken))
        {
            state.GroupDays[(day.GroupId, day.Day)] = day;
        }

        return state;
    }

    /// <summary>Member counts of the groups whose memberships changed, recounted from the committed memberships.</summary>
    public async Task RecountGroupsAsync(CancellationToken cancellationToken)
    {
        var touched = TouchedGroups.ToList();
        await db.Groups.Where(g => touched.Contains(g.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
    }
}
