using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Lifecycle;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Lifecycle;

/// <summary>
/// Keeps one schedule per short-term group with an end date: created with its checklist when the group first has
/// an end date, recomputed when the end date changes while nothing has begun (and staff did not postpone it).
/// </summary>
public static class LifecycleSchedules
{
    /// <summary>How many schedules were created or recomputed.</summary>
    public static async Task<int> SyncAsync(QunyunDb db, TimeZoneInfo workspaceZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.Type == GroupType.ShortTerm && g.Status == GroupStatus.Active && g.EndsOn != null)
            .Select(g => new
            {
                g.Id,
                EndsOn = g.EndsOn!.Value,
                g.TimeZone,
                Kind = g.Channel!.Kind,
                Lifecycle = db.GroupLifecycles.FirstOrDefault(l => l.GroupId == g.Id),
            })
            .Where(g => g.Lifecycle == null || g.Lifecycle.State == LifecycleState.Scheduled && !g.Lifecycle.Postponed && g.Lifecycle.EndsOn != g.EndsOn)
            .ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            var due = LifecycleSchedule.Of(group.EndsOn, GroupPolicy.For(GroupType.ShortTerm).DissolveAfterEnd,
                group.TimeZone is null ? workspaceZone : WorkspaceTime.Zone(group.TimeZone));
            if (group.Lifecycle is { } existing)
            {
                await db.GroupLifecycles.Where(l => l.Id == existing.Id && l.State == LifecycleState.Scheduled && !l.Postponed)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.EndsOn, group.EndsOn)
                        .SetProperty(l => l.FarewellDueAt, due.FarewellAt).SetProperty(l => l.DissolveDueAt, due.DissolveAt), cancellationToken);
                continue;
            }

            db.GroupLifecycles.Add(new GroupLifecycle
            {
                Id = Guid.CreateVersion7(now),
                GroupId = group.Id,
                EndsOn = group.EndsOn,
                FarewellDueAt = due.FarewellAt,
                DissolveDueAt = due.DissolveAt,
                State = LifecycleState.Scheduled,
                CreatedAt = now.UtcDateTime,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return groups.Count;
    }

    /// <summary>The checklist a group on <paramref name="kind"/> needs, added for the kinds it lacks.</summary>
    public static async Task EnsureTasksAsync(QunyunDb db, Guid groupId, IReadOnlyList<LifecycleTaskKind> kinds, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.LifecycleTasks.Where(t => t.GroupId == groupId).Select(t => t.Kind).ToListAsync(cancellationToken);
        foreach (var kind in kinds.Except(existing))
        {
            db.LifecycleTasks.Add(new LifecycleTask { Id = Guid.CreateVersion7(new DateTimeOffset(now)), GroupId = groupId, Kind = kind, CreatedAt = now });
        }
    }
}
