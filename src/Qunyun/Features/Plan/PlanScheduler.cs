using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Plan;
using Qunyun.Features.Bot;
using Qunyun.Features.Digest;
using Qunyun.Features.Outbox;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>What one step did, summed over workspaces.</summary>
public sealed record StepReport(int Materialized, int Sent, int Missed, int RuleReminders, int Digests)
{
    public static readonly StepReport None = new(0, 0, 0, 0, 0);

    public StepReport Add(StepReport other) =>
        new(Materialized + other.Materialized, Sent + other.Sent, Missed + other.Missed, RuleReminders + other.RuleReminders, Digests + other.Digests);
}

/// <summary>
/// The durable scheduler, one step at a time (the worker calls it every few seconds; tests call it with a fake clock):
/// materialise occurrences ahead, then settle the due ones (sent with their outbox row in one transaction, or missed
/// when too late), restate rules and post digests. Everything it decides is in the database, so a restart (or a second
/// host) picks up where it left off and the outbox's unique idempotency keys make a double send impossible.
/// </summary>
public sealed class PlanScheduler(
    QunyunDbFactory factory, PlanTargets targets, PlanTexts texts, RuleReminders reminders, IEnumerable<IScheduledPosts> posts, IOptions<PlanOptions> options, TimeProvider clock)
{
    public async Task<StepReport> StepAsync(CancellationToken cancellationToken)
    {
        List<Workspace> workspaces;
        await using (var unscoped = factory.CreateUnscoped())
        {
            workspaces = await unscoped.Workspaces.AsNoTracking().ToListAsync(cancellationToken);
        }

        var report = StepReport.None;
        foreach (var workspace in workspaces)
        {
            await using var db = factory.Create(workspace.Id);
            report = report.Add(await StepWorkspaceAsync(db, workspace, cancellationToken));
        }

        return report;
    }

    public async Task<StepReport> StepWorkspaceAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken)
    {
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var materialized = await MaterializeAsync(db, zone, cancellationToken);
        var (sent, missed) = await SettleDueAsync(db, workspace, cancellationToken);
        var ruleReminders = await reminders.RunAsync(db, workspace, cancellationToken);
        var posted = 0;
        foreach (var post in posts)
        {
            posted += await post.RunAsync(db, workspace, cancellationToken);
        }

        return new StepReport(materialized, sent, missed, ruleReminders, posted);
    }

    /// <summary>Creates the rows for every occurrence up to now + horizon that does not exist yet (including those
    /// that fell due while the host was down, so they can be sent late or marked missed).</summary>
    public async Task<int> MaterializeAsync(QunyunDb db, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.Horizon;
        var untilUtc = until.UtcDateTime;
        var entries = await db.PlanEntries.Where(e => e.Enabled && e.MaterializedUntil < untilUtc).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var entry in entries)
        {
            var after = new DateTimeOffset(entry.MaterializedUntil, TimeSpan.Zero);
            var groups = await targets.ResolveAsync(db, entry, cancellationToken);

            // Each group posts at the schedule's local time in its own zone: one set of due times per zone.
            foreach (var inZone in groups.GroupBy(g => g.ZoneOr(zone)))
            {
                var times = Occurrences.Between(entry.Schedule, inZone.Key, entry.Quiet, after, until).Select(t => t.UtcDateTime).ToList();
                if (times.Count == 0)
                {
                    continue;
                }

                var ids = inZone.Select(g => g.Id).ToList();
                var (first, last) = (times[0], times[^1]);
                var existing = (await db.PlanOccurrences.Where(o => o.PlanEntryId == entry.Id && ids.Contains(o.GroupId) && o.DueAt >= first && o.DueAt <= last)
                    .Select(o => new { o.GroupId, o.DueAt }).ToListAsync(cancellationToken)).Select(o => (o.GroupId, o.DueAt)).ToHashSet();
                foreach (var due in times)
                {
                    foreach (var group in inZone.Where(g => !existing.Contains((g.Id, due))))
                    {
                        db.PlanOccurrences.Add(new PlanOccurrence { Id = Guid.CreateVersion7(now), PlanEntryId = entry.Id, GroupId = group.Id, DueAt = due });
                        created++;
                    }
                }
            }

            entry.MaterializedUntil = untilUtc;
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Settles every pending occurrence that is due: all in one transaction with their outbox rows.</summary>
    public async Task<(int Sent, int Missed)> SettleDueAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var due = await db.PlanOccurrences.Include(o => o.PlanEntry!).ThenInclude(e => e.ContentItem).Include(o => o.Group)
            .Where(o => o.Status == OccurrenceStatus.Pending && o.DueAt <= nowUtc)
            .OrderBy(o => o.DueAt).Take(500).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var loaded = new Dictionary<Guid, TemplateGroup?>(); // a group's template facts, read once for all its posts
        var (sent, missed) = (0, 0);
        foreach (var occurrence in due)
        {
            var verdict = Lateness.Judge(new DateTimeOffset(occurrence.DueAt, TimeSpan.Zero), now, options.Value.MaxLateness);
            if (verdict == DueVerdict.Send && occurrence.Group is { } group)
            {
                var groupZone = group.TimeZone is null ? zone : WorkspaceTime.Zone(group.TimeZone);
                var localDue = TimeZoneInfo.ConvertTime(new DateTimeOffset(occurrence.DueAt, TimeSpan.Zero), groupZone);
                if (!loaded.TryGetValue(group.Id, out var target))
                {
                    loaded[group.Id] = target = await TemplateGroups.LoadAsync(db, group.Id, cancellationToken);
                }

                var text = await texts.RenderAsync(db, occurrence.PlanEntry!, target, localDue, cancellationToken);
                OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text),
                    PlanOccurrence.KeyOf(occurrence.PlanEntryId, occurrence.GroupId, occurrence.DueAt), now);
                occurrence.Status = OccurrenceStatus.Sent;
                sent++;
            }
            else
            {
                occurrence.Status = OccurrenceStatus.Missed;
                missed++;
            }

            occurrence.SettledAt = nowUtc;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (sent, missed);
    }
}
