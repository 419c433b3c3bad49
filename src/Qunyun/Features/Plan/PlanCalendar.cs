using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Plan;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>What the calendar shows for a span: occurrences that exist (pending, sent, missed) and, beyond the
/// materialised horizon, the ones the schedules will produce (Planned). Each group's posts follow its own zone; the
/// calendar shows them all in the workspace's zone (the operators' clock).</summary>
public sealed class PlanCalendar(PlanTargets targets)
{
    public const string Planned = "Planned";

    /// <summary>Spans longer than this are cut (a month view needs six weeks).</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(62);

    public async Task<List<CalendarItem>> ItemsAsync(QunyunDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to - from > MaxSpan)
        {
            to = from + MaxSpan;
        }

        var workspace = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == db.WorkspaceId, cancellationToken);
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var (fromUtc, toUtc) = (from.UtcDateTime, to.UtcDateTime);
        var stored = await db.PlanOccurrences.AsNoTracking()
            .Where(o => o.DueAt >= fromUtc && o.DueAt < toUtc)
            .Select(o => new { o.Id, o.PlanEntryId, o.PlanEntry!.Title, o.GroupId, GroupName = o.Group!.Name, o.DueAt, o.Status })
            .ToListAsync(cancellationToken);
        var items = stored.Select(o => new CalendarItem(o.Id, o.PlanEntryId, o.Title, o.GroupId, o.GroupName, o.DueAt, Local(o.DueAt, zone), o.Status.ToString())).ToList();

        var entries = await db.PlanEntries.AsNoTracking().Where(e => e.Enabled && e.MaterializedUntil < toUtc).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            var after = new DateTimeOffset(entry.MaterializedUntil > fromUtc ? entry.MaterializedUntil : fromUtc.AddTicks(-1), TimeSpan.Zero);
            var groups = await targets.ResolveAsync(db, entry, cancellationToken);
            foreach (var inZone in groups.GroupBy(g => g.ZoneOr(zone)))
            {
                var times = Occurrences.Between(entry.Schedule, inZone.Key, entry.Quiet, after, to.AddTicks(-1)).ToList();
                items.AddRange(times.SelectMany(t => inZone.Select(g => new CalendarItem(null, entry.Id, entry.Title, g.Id, g.Name, t.UtcDateTime, Local(t.UtcDateTime, zone), Planned))));
            }
        }

        return items.OrderBy(i => i.DueAt).ThenBy(i => i.Title).ThenBy(i => i.GroupName).ToList();
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), DateTimeKind.Unspecified);
}
