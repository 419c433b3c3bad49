using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Pipeline;

namespace Qunyun.Features.Events;

/// <summary>
/// Reads what a batch needs and the warm state lacks, with a few set queries: groups and identities not seen yet,
/// and for members met for the first time their rows, all their memberships and their member days. Nothing tracked.
/// </summary>
internal static class WarmStateLoader
{
    public static async Task LoadMissingAsync(QunyunDb db, WarmState state, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var pipeline = state.Pipeline;
        // EF.Parameter: one array-like parameter per list (json_each on SQLite, an array on PostgreSQL) instead of one per
        // id, which SQLite binds in quadratic time. Each lookup names the channels too, so the unique indexes serve it.
        var channelIds = events.Select(e => e.ChannelId).Distinct().ToList();
        var externalGroups = events.Where(e => e.ExternalGroupId is not null && !pipeline.Groups.ContainsKey((e.ChannelId, e.ExternalGroupId)))
            .Select(e => e.ExternalGroupId!).Distinct().ToList();
        if (externalGroups.Count > 0)
        {
            foreach (var group in await db.Groups.AsNoTracking()
                         .Where(g => EF.Parameter(channelIds).Contains(g.ChannelId) && EF.Parameter(externalGroups).Contains(g.ExternalId))
                         .ToListAsync(cancellationToken))
            {
                state.Groups[group.Id] = group;
                pipeline.Add(new GroupState
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
        }

        var users = events.Where(e => e.ExternalUserId is not null && !pipeline.Identities.ContainsKey((e.ChannelId, e.ExternalUserId)))
            .Select(e => e.ExternalUserId!).Distinct().ToList();
        if (users.Count > 0)
        {
            await LoadIdentitiesAsync(db, state, channelIds, users, cancellationToken);
        }
    }

    private static async Task LoadIdentitiesAsync(QunyunDb db, WarmState state, List<Guid> channelIds, List<string> users, CancellationToken cancellationToken)
    {
        var identities = await db.MemberIdentities.AsNoTracking()
            .Where(i => EF.Parameter(channelIds).Contains(i.ChannelId) && EF.Parameter(users).Contains(i.ExternalUserId))
            .Select(i => new { i.Id, i.MemberId, i.ChannelId, i.ExternalUserId, i.DisplayName, i.CreatedAt }).ToListAsync(cancellationToken);
        var newMembers = identities.Select(i => i.MemberId).Where(id => !state.MemberStates.ContainsKey(id)).Distinct().ToList();
        if (newMembers.Count > 0)
        {
            await LoadMembersAsync(db, state, newMembers, cancellationToken);
        }

        foreach (var identity in identities)
        {
            state.Pipeline.Add(new IdentityState
            {
                Id = identity.Id,
                Member = state.MemberStates[identity.MemberId],
                ChannelId = identity.ChannelId,
                ExternalUserId = identity.ExternalUserId,
                DisplayName = identity.DisplayName,
                CreatedAt = identity.CreatedAt,
            });
        }
    }

    private static async Task LoadMembersAsync(QunyunDb db, WarmState state, List<Guid> memberIds, CancellationToken cancellationToken)
    {
        foreach (var m in await db.Members.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.Id)).ToListAsync(cancellationToken))
        {
            state.Members[m.Id] = m;
            state.MemberStates[m.Id] = new MemberState
            {
                Id = m.Id,
                DisplayName = m.DisplayName,
                SearchText = m.SearchText,
                CreatedAt = m.CreatedAt,
                LastActiveAt = m.LastActiveAt,
                ActivityScore = m.ActivityScore,
                ActivityScoreAt = m.ActivityScoreAt,
            };
        }

        foreach (var m in await db.Memberships.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.MemberId))
                     .Select(m => new { m.Id, m.MemberId, m.GroupId, m.JoinedAt, m.LeftAt, m.Role }).ToListAsync(cancellationToken))
        {
            state.Pipeline.Add(new MembershipState { Id = m.Id, MemberId = m.MemberId, GroupId = m.GroupId, JoinedAt = m.JoinedAt, LeftAt = m.LeftAt, Role = m.Role });
        }

        var from = state.DaysFrom;
        foreach (var day in await db.MemberDays.AsNoTracking().Where(d => EF.Parameter(memberIds).Contains(d.MemberId) && d.Day >= from)
                     .Select(d => new { d.MemberId, d.GroupId, d.Day }).ToListAsync(cancellationToken))
        {
            state.Pipeline.KnownMemberDays.Add(new MemberDayKey(day.MemberId, day.GroupId, day.Day));
        }
    }
}
