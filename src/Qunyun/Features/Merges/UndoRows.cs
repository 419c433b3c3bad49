using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Merges;

/// <summary>Puts memberships, tags and attributes back as the merge recorded them.</summary>
internal static class UndoRows
{
    public static async Task RestoreMembershipsAsync(
        QunyunDb db, MergeSnapshot snapshot, Guid survivorId, Guid absorbedId, List<LaterEvent> later, CancellationToken cancellationToken)
    {
        var groups = (await db.Groups.Select(g => g.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var row in snapshot.Memberships.Where(r => groups.Contains(r.GroupId)))
        {
            if (row.Survivor is { } before)
            {
                await db.Memberships.Where(m => m.Id == before.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Role, before.Role).SetProperty(m => m.JoinedAt, before.JoinedAt).SetProperty(m => m.LeftAt, before.LeftAt), cancellationToken);
            }

            if (row.Survivor is null && await db.Memberships.AnyAsync(m => m.Id == row.Id && m.MemberId == survivorId, cancellationToken))
            {
                await db.Memberships.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.MemberId, absorbedId)
                    .SetProperty(m => m.Role, row.Role).SetProperty(m => m.JoinedAt, row.JoinedAt).SetProperty(m => m.LeftAt, row.LeftAt), cancellationToken);
            }
            else
            {
                db.Memberships.Add(new Membership { Id = row.Id, MemberId = absorbedId, GroupId = row.GroupId, Role = row.Role, JoinedAt = row.JoinedAt, LeftAt = row.LeftAt });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var touched = snapshot.Memberships.Select(r => r.GroupId).ToList();
        touched.AddRange(await FollowLaterEventsAsync(db, snapshot, survivorId, absorbedId, later, cancellationToken));
        await KeepSurvivorInGroupsItSpokeInAsync(db, snapshot, survivorId, cancellationToken);
        await GroupMemberCounts.RecountAsync(db, touched, cancellationToken);
    }

    /// <summary>
    /// Groups the absorbed identities reached after the merge: the restored member is in them too. A membership the
    /// survivor gained after the merge goes to the restored member when none of the survivor's own events is in that group.
    /// </summary>
    private static async Task<List<Guid>> FollowLaterEventsAsync(
        QunyunDb db, MergeSnapshot snapshot, Guid survivorId, Guid absorbedId, List<LaterEvent> later, CancellationToken cancellationToken)
    {
        var laterGroups = later.Where(e => e.GroupId is not null).GroupBy(e => e.GroupId!.Value).ToList();
        var groupIds = laterGroups.Select(g => g.Key).ToList();
        var memberships = await db.Memberships.Where(m => (m.MemberId == survivorId || m.MemberId == absorbedId) && groupIds.Contains(m.GroupId))
            .ToListAsync(cancellationToken);
        var known = snapshot.SurvivorMembershipIds.Concat(snapshot.Memberships.Select(m => m.Id)).ToHashSet();
        foreach (var group in laterGroups)
        {
            if (memberships.Any(m => m.MemberId == absorbedId && m.GroupId == group.Key))
            {
                continue;
            }

            var gained = memberships.FirstOrDefault(m => m.MemberId == survivorId && m.GroupId == group.Key && !known.Contains(m.Id));
            if (gained is not null && !await db.Events.AnyAsync(e => e.MemberId == survivorId && e.GroupId == group.Key, cancellationToken))
            {
                gained.MemberId = absorbedId;
                continue;
            }

            var lastMove = group.LastOrDefault(e => e.Kind is EventKind.MemberJoined or EventKind.MemberLeft);
            db.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(group.Min(e => e.OccurredAt))),
                MemberId = absorbedId,
                GroupId = group.Key,
                Role = MembershipRole.Member,
                JoinedAt = group.Min(e => e.OccurredAt),
                LeftAt = lastMove?.Kind == EventKind.MemberLeft ? lastMove.OccurredAt : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return groupIds;
    }

    /// <summary>
    /// A group whose membership went back to the restored member, where the survivor's own identities were active
    /// after the merge: the survivor is a member there too, joined at its first event in the group.
    /// </summary>
    private static async Task KeepSurvivorInGroupsItSpokeInAsync(QunyunDb db, MergeSnapshot snapshot, Guid survivorId, CancellationToken cancellationToken)
    {
        var moved = snapshot.Memberships.Where(m => m.Survivor is null).Select(m => m.GroupId).ToList();
        var inGroups = (await db.Memberships.Where(m => m.MemberId == survivorId && moved.Contains(m.GroupId)).Select(m => m.GroupId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var missing = moved.Where(g => !inGroups.Contains(g)).ToList();
        var events = await db.Events.AsNoTracking().Where(e => e.MemberId == survivorId && missing.Contains(e.GroupId!.Value))
            .OrderBy(e => e.Id).Select(e => new { e.GroupId, e.Kind, e.OccurredAt }).ToListAsync(cancellationToken);
        foreach (var group in events.GroupBy(e => e.GroupId!.Value))
        {
            var joinedAt = group.Min(e => e.OccurredAt);
            var lastMove = group.LastOrDefault(e => e.Kind is "member_joined" or "member_left");
            db.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(joinedAt)),
                MemberId = survivorId,
                GroupId = group.Key,
                Role = MembershipRole.Member,
                JoinedAt = joinedAt,
                LeftAt = lastMove?.Kind == "member_left" ? lastMove.OccurredAt : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RestoreTagsAsync(QunyunDb db, MergeSnapshot snapshot, Guid survivorId, Guid absorbedId, CancellationToken cancellationToken)
    {
        var tags = (await db.Tags.Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var row in snapshot.Tags.Where(r => tags.Contains(r.TagId)))
        {
            var survivorTag = db.MemberTags.Where(t => t.MemberId == survivorId && t.TagId == row.TagId);
            if (row.SurvivorWeight is { } weight)
            {
                await survivorTag.ExecuteUpdateAsync(s => s.SetProperty(t => t.Weight, weight).SetProperty(t => t.AddedAt, row.SurvivorAddedAt!.Value)
                    .SetProperty(t => t.WeightAt, row.SurvivorWeightAt).SetProperty(t => t.DecayKey, row.SurvivorDecayKey), cancellationToken);
            }
            else
            {
                await survivorTag.ExecuteDeleteAsync(cancellationToken);
            }

            db.MemberTags.Add(new MemberTag
            {
                MemberId = absorbedId,
                TagId = row.TagId,
                Weight = row.Weight,
                WeightAt = row.WeightAt,
                DecayKey = row.DecayKey,
                AddedAt = row.AddedAt,
            });
        }
    }

    public static async Task RestoreAttributesAsync(QunyunDb db, MergeSnapshot snapshot, Guid survivorId, Guid absorbedId, CancellationToken cancellationToken)
    {
        foreach (var row in snapshot.Attributes)
        {
            var survivorAttribute = db.MemberAttributes.Where(a => a.MemberId == survivorId && a.Key == row.Key);
            if (row.SurvivorValue is null)
            {
                await survivorAttribute.ExecuteDeleteAsync(cancellationToken);
            }
            else if (row.Taken)
            {
                await survivorAttribute.ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, row.SurvivorValue)
                    .SetProperty(a => a.UpdatedAt, row.SurvivorUpdatedAt!.Value), cancellationToken);
            }

            db.MemberAttributes.Add(new MemberAttribute { MemberId = absorbedId, Key = row.Key, Value = row.Value, UpdatedAt = row.UpdatedAt });
        }
    }
}
