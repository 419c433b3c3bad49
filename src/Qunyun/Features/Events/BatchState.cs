using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Pipeline;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// What one batch works on, read with a handful of set queries up front and nothing tracked: the engine's state for
/// the batch's channels, users and groups, plus the member and group rows themselves, handed to the stages.
/// </summary>
internal sealed class BatchState
{
    public PipelineState Pipeline { get; } = new();
    public Dictionary<Guid, Member> Members { get; private set; } = [];
    public Dictionary<Guid, Group> Groups { get; private set; } = [];

    public static async Task<BatchState> LoadAsync(QunyunDb db, List<Event> events, CancellationToken cancellationToken)
    {
        var state = new BatchState();
        foreach (var channel in await db.Channels.Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        {
            state.Pipeline.ChannelNames[channel.Id] = channel.Name;
        }

        // EF.Parameter: one array-like parameter per list (json_each on SQLite, an array on PostgreSQL) instead of one
        // parameter per id, which SQLite binds in quadratic time. Each lookup names the channels too, so the (ChannelId, external id) unique indexes serve it.
        var channelIds = events.Select(e => e.ChannelId).Distinct().ToList();
        var externalGroups = events.Where(e => e.ExternalGroupId is not null).Select(e => e.ExternalGroupId!).Distinct().ToList();
        state.Groups = await db.Groups.AsNoTracking().Where(g => EF.Parameter(channelIds).Contains(g.ChannelId) && EF.Parameter(externalGroups).Contains(g.ExternalId))
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        foreach (var group in state.Groups.Values)
        {
            state.Pipeline.Add(new GroupState
            {
                Id = group.Id,
                ChannelId = group.ChannelId,
                ExternalId = group.ExternalId,
                Name = group.Name,
                Type = group.Type,
                Capacity = group.Capacity,
                SearchText = group.SearchText,
                CreatedAt = group.CreatedAt,
            });
        }

        var users = events.Where(e => e.ExternalUserId is not null).Select(e => e.ExternalUserId!).Distinct().ToList();
        var identities = await db.MemberIdentities.AsNoTracking().Where(i => EF.Parameter(channelIds).Contains(i.ChannelId) && EF.Parameter(users).Contains(i.ExternalUserId))
            .Select(i => new { i.Id, i.MemberId, i.ChannelId, i.ExternalUserId, i.DisplayName, i.CreatedAt }).ToListAsync(cancellationToken);
        var memberIds = identities.Select(i => i.MemberId).Distinct().ToList();
        state.Members = await db.Members.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var members = state.Members.Values.ToDictionary(m => m.Id, m => new MemberState
        {
            Id = m.Id,
            DisplayName = m.DisplayName,
            SearchText = m.SearchText,
            CreatedAt = m.CreatedAt,
            LastActiveAt = m.LastActiveAt,
            ActivityScore = m.ActivityScore,
            ActivityScoreAt = m.ActivityScoreAt,
        });
        foreach (var identity in identities)
        {
            state.Pipeline.Add(new IdentityState
            {
                Id = identity.Id,
                Member = members[identity.MemberId],
                ChannelId = identity.ChannelId,
                ExternalUserId = identity.ExternalUserId,
                DisplayName = identity.DisplayName,
                CreatedAt = identity.CreatedAt,
            });
        }

        foreach (var m in await db.Memberships.Where(m => EF.Parameter(memberIds).Contains(m.MemberId))
                     .Select(m => new { m.Id, m.MemberId, m.GroupId, m.JoinedAt, m.LeftAt, m.Role }).ToListAsync(cancellationToken))
        {
            state.Pipeline.Add(new MembershipState { Id = m.Id, MemberId = m.MemberId, GroupId = m.GroupId, JoinedAt = m.JoinedAt, LeftAt = m.LeftAt, Role = m.Role });
        }

        // Local days lie within a day of the UTC date.
        var earliest = DateOnly.FromDateTime(events.Min(e => e.OccurredAt)).AddDays(-1);
        var latest = DateOnly.FromDateTime(events.Max(e => e.OccurredAt)).AddDays(1);
        foreach (var day in await db.MemberDays.Where(d => EF.Parameter(memberIds).Contains(d.MemberId) && d.Day >= earliest && d.Day <= latest)
                     .Select(d => new { d.MemberId, d.GroupId, d.Day }).ToListAsync(cancellationToken))
        {
            state.Pipeline.KnownMemberDays.Add(new MemberDayKey(day.MemberId, day.GroupId, day.Day));
        }

        return state;
    }

    /// <summary>
    /// The member row as the batch left it, for the stages: one untracked instance per member, shared by the member's
    /// events in the batch (stages write through <see cref="PipelineBatch.Db"/>, not through this object).
    /// </summary>
    public Member MemberOf(MemberState member, Guid workspaceId)
    {
        if (!Members.TryGetValue(member.Id, out var row))
        {
            row = new Member { Id = member.Id, WorkspaceId = workspaceId, DisplayName = member.DisplayName, CreatedAt = member.CreatedAt };
            Members[member.Id] = row;
        }

        row.DisplayName = member.DisplayName;
        row.SearchText = member.SearchText;
        row.LastActiveAt = member.LastActiveAt;
        row.ActivityScore = member.ActivityScore;
        row.ActivityScoreAt = member.ActivityScoreAt;
        return row;
    }

    public Group GroupOf(GroupState group, Guid workspaceId)
    {
        if (!Groups.TryGetValue(group.Id, out var row))
        {
            row = new Group
            {
                Id = group.Id,
                WorkspaceId = workspaceId,
                ChannelId = group.ChannelId,
                ExternalId = group.ExternalId,
                Name = group.Name,
                Type = group.Type,
                Status = Engine.Groups.GroupStatus.Active,
                Capacity = group.Capacity,
                SearchText = group.SearchText,
                CreatedAt = group.CreatedAt,
            };
            Groups[group.Id] = row;
        }

        return row;
    }

    /// <summary>Member counts of the groups whose memberships changed, recounted from the written memberships.</summary>
    public static async Task RecountGroupsAsync(QunyunDb db, IEnumerable<Guid> groups, CancellationToken cancellationToken)
    {
        var touched = groups.ToList();
        if (touched.Count > 0)
        {
            await db.Groups.Where(g => EF.Parameter(touched).Contains(g.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
        }
    }
}
