using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Lifecycle;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Groups;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Lifecycle;

/// <summary>
/// A group's end as staff see and steer it (the API and the group page): read it, cancel it, postpone it, tick the
/// checklist. Cancel and postpone are conditional updates on a schedule not yet dissolving, so they lose cleanly to a
/// dissolution that already began (409).
/// </summary>
public sealed class LifecycleOfGroup(ConnectorRegistry connectors, TimeProvider clock)
{
    public async Task<LifecycleChange> ReadAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var (group, errors) = await CheckAsync(db, groupId, cancellationToken);
        return group is null ? new LifecycleChange.NotFound()
            : errors.Any ? new LifecycleChange.Invalid(errors)
            : new LifecycleChange.Done(await ResponseAsync(db, group, cancellationToken));
    }

    public Task<LifecycleChange> CancelAsync(QunyunDb db, Guid groupId, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(db, groupId, null, cancellationToken, async (lifecycle, now) =>
            await db.GroupLifecycles.Where(l => l.Id == lifecycle.Id && (l.State == LifecycleState.Scheduled || l.State == LifecycleState.FarewellSent))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, LifecycleState.Cancelled).SetProperty(l => l.CancelledAt, now).SetProperty(l => l.ChangedBy, actor),
                    cancellationToken) > 0);

    /// <summary>A postponed schedule starts over from its farewell (unless that was sent); a cancelled one is scheduled again.</summary>
    public Task<LifecycleChange> PostponeAsync(QunyunDb db, Guid groupId, PostponeRequest request, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(db, groupId, request, cancellationToken, async (lifecycle, now) =>
        {
            var zone = await ZoneAsync(db, lifecycle.GroupId, cancellationToken);
            var due = LifecycleSchedule.ForDissolutionOn(request.DissolveOn!.Value, zone);
            var state = lifecycle.FarewellSentAt is null ? LifecycleState.Scheduled : LifecycleState.FarewellSent;
            return await db.GroupLifecycles.Where(l => l.Id == lifecycle.Id && l.State != LifecycleState.Dissolved)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, state).SetProperty(l => l.Postponed, true)
                    .SetProperty(l => l.FarewellDueAt, due.FarewellAt).SetProperty(l => l.DissolveDueAt, due.DissolveAt)
                    .SetProperty(l => l.CancelledAt, (DateTime?)null).SetProperty(l => l.ChangedBy, actor), cancellationToken) > 0;
        });

    public async Task<LifecycleChange> MarkTaskAsync(QunyunDb db, Guid groupId, string kind, bool done, string actor, CancellationToken cancellationToken)
    {
        var (group, errors) = await CheckAsync(db, groupId, cancellationToken);
        if (group is null)
        {
            return new LifecycleChange.NotFound();
        }

        var plan = PlanOf(group);
        if (!Enum.TryParse<LifecycleTaskKind>(kind, ignoreCase: true, out var taskKind) || !plan.Tasks.Contains(taskKind))
        {
            errors.Add("Kind", $"One of: {string.Join(", ", plan.Tasks)}.");
        }

        if (errors.Any)
        {
            return new LifecycleChange.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await LifecycleSchedules.EnsureTasksAsync(db, groupId, [taskKind], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.LifecycleTasks.Where(t => t.GroupId == groupId && t.Kind == taskKind)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DoneAt, done ? now : null).SetProperty(t => t.DoneBy, done ? actor : null), cancellationToken);
        return new LifecycleChange.Done(await ResponseAsync(db, group, cancellationToken));
    }

    private async Task<LifecycleChange> ChangeAsync(
        QunyunDb db, Guid groupId, PostponeRequest? postpone, CancellationToken cancellationToken, Func<GroupLifecycle, DateTime, Task<bool>> change)
    {
        var (group, errors) = await CheckAsync(db, groupId, cancellationToken);
        if (group is null)
        {
            return new LifecycleChange.NotFound();
        }

        var now = clock.GetUtcNow();
        if (postpone is not null)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now.UtcDateTime, await ZoneAsync(db, groupId, cancellationToken)));
            errors.AddIf(postpone.DissolveOn is null, "DissolveOn", "Required.")
                .AddIf(postpone.DissolveOn <= today, "DissolveOn", "The dissolution must be on a later day than today.")
                .AddIf(group.EndsOn is { } end && postpone.DissolveOn > end.AddDays(LifecycleSchedule.MaxPostponeDays), "DissolveOn",
                    $"At most {LifecycleSchedule.MaxPostponeDays} days after the end date.");
        }

        if (errors.Any)
        {
            return new LifecycleChange.Invalid(errors);
        }

        var workspaceZone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstAsync(cancellationToken));
        await LifecycleSchedules.SyncAsync(db, workspaceZone, now, cancellationToken);
        var lifecycle = await db.GroupLifecycles.AsNoTracking().FirstOrDefaultAsync(l => l.GroupId == groupId, cancellationToken);
        if (lifecycle is null || !await change(lifecycle, now.UtcDateTime))
        {
            return new LifecycleChange.Conflict(lifecycle?.State == LifecycleState.Cancelled
                ? "The dissolution is cancelled already; postpone it to schedule it again."
                : "The dissolution has begun or is done; it can no longer be changed.");
        }

        return new LifecycleChange.Done(await ResponseAsync(db, group, cancellationToken));
    }

    /// <summary>The group (null: not in this workspace) and why it has no lifecycle, by field.</summary>
    private static async Task<(Group? Group, FieldErrors Errors)> CheckAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Include(g => g.Channel).FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        var errors = new FieldErrors();
        if (group is not null)
        {
            errors.AddIf(group.Type != GroupType.ShortTerm, "Type", "Only short-term groups end with a farewell and a dissolution.")
                .AddIf(group.Type == GroupType.ShortTerm && group.EndsOn is null, "EndsOn", "Set the activity's end date first.")
                .AddIf(group.StartsOn is { } start && group.EndsOn is { } end && end < start, "EndsOn", "The end date is before the start date.");
        }

        return (group, errors);
    }

    private DissolutionPlan PlanOf(Group group) => DissolutionPlan.For(group.Channel!.Kind, connectors.CapabilitiesOf(ChannelSnapshot.Of(group.Channel)));

    private async Task<LifecycleResponse> ResponseAsync(QunyunDb db, Group group, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(db, group.Id, cancellationToken);
        var stored = await db.GroupLifecycles.AsNoTracking().FirstOrDefaultAsync(l => l.GroupId == group.Id, cancellationToken);
        var lifecycle = stored ?? Preview(group, zone);
        var marks = await db.LifecycleTasks.AsNoTracking().Where(t => t.GroupId == group.Id).ToListAsync(cancellationToken);
        var plan = PlanOf(group);
        var tasks = plan.Tasks.Concat(marks.Select(m => m.Kind)).Distinct()
            .Select(kind => marks.FirstOrDefault(m => m.Kind == kind) is { } mark
                ? new LifecycleTaskResponse(kind, mark.DoneAt is not null, mark.DoneAt, mark.DoneBy)
                : new LifecycleTaskResponse(kind, false, null, null))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return new LifecycleResponse(group.Id, stored is not null, lifecycle.State, lifecycle.EndsOn, lifecycle.FarewellDueAt, lifecycle.DissolveDueAt,
            LifecycleSchedule.DaysUntil(lifecycle.FarewellDueAt, now, zone), LifecycleSchedule.DaysUntil(lifecycle.DissolveDueAt, now, zone),
            lifecycle.Postponed, lifecycle.FarewellSentAt, lifecycle.DissolvedAt, lifecycle.CancelledAt, lifecycle.ChangedBy, lifecycle.ActivityTagId,
            plan.RemoveMembers, plan.Leave, tasks);
    }

    private static GroupLifecycle Preview(Group group, TimeZoneInfo zone)
    {
        var due = LifecycleSchedule.Of(group.EndsOn!.Value, GroupPolicy.For(GroupType.ShortTerm).DissolveAfterEnd, zone);
        return new GroupLifecycle { GroupId = group.Id, EndsOn = group.EndsOn.Value, FarewellDueAt = due.FarewellAt, DissolveDueAt = due.DissolveAt };
    }

    /// <summary>The group's zone, else the workspace's.</summary>
    public static async Task<TimeZoneInfo> ZoneAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var zones = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { Group = g.TimeZone, Workspace = db.Workspaces.Where(w => w.Id == g.WorkspaceId).Select(w => w.TimeZone).FirstOrDefault() })
            .FirstAsync(cancellationToken);
        return WorkspaceTime.Zone(zones.Group ?? zones.Workspace);
    }
}
