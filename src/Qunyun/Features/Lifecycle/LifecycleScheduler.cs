using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Lifecycle;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Outbox;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Lifecycle;

/// <summary>What one step did, summed over workspaces.</summary>
public sealed record LifecycleReport(int Scheduled, int Farewells, int Dissolved);

/// <summary>
/// The short-term groups' end, one step at a time (the worker calls it every minute; tests call it with a fake clock):
/// schedule every short-term group with an end date, post the farewells that are due, dissolve the groups that are
/// due. Everything it decides is in <see cref="GroupLifecycle"/> rows, so a restart or a second host carries on
/// where it stopped, and each step is claimed by a conditional update before it acts.
/// </summary>
public sealed class LifecycleScheduler(QunyunDbFactory factory, RenderMessage render, DissolveGroup dissolve, TimeProvider clock)
{
    public const string FarewellTemplateKey = "lifecycle-farewell";

    public async Task<LifecycleReport> StepAsync(CancellationToken cancellationToken)
    {
        List<Workspace> workspaces;
        await using (var unscoped = factory.CreateUnscoped())
        {
            workspaces = await unscoped.Workspaces.AsNoTracking().ToListAsync(cancellationToken);
        }

        var report = new LifecycleReport(0, 0, 0);
        foreach (var workspace in workspaces)
        {
            await using var db = factory.Create(workspace.Id);
            var zone = WorkspaceTime.Zone(workspace.TimeZone);
            var scheduled = await LifecycleSchedules.SyncAsync(db, zone, clock.GetUtcNow(), cancellationToken);
            var farewells = await SendFarewellsAsync(db, cancellationToken);
            var dissolved = await DissolveDueAsync(db, zone, cancellationToken);
            report = new LifecycleReport(report.Scheduled + scheduled, report.Farewells + farewells, report.Dissolved + dissolved);
        }

        return report;
    }

    private async Task<int> SendFarewellsAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var due = await db.GroupLifecycles.AsNoTracking().Include(l => l.Group)
            .Where(l => l.State == LifecycleState.Scheduled && l.FarewellDueAt <= nowUtc && l.Group!.Status == GroupStatus.Active)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var lifecycle in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.GroupLifecycles.Where(l => l.Id == lifecycle.Id && l.State == LifecycleState.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, LifecycleState.FarewellSent).SetProperty(l => l.FarewellSentAt, nowUtc), cancellationToken);
            if (claimed == 0)
            {
                continue; // cancelled meanwhile, or another host sent it
            }

            var group = lifecycle.Group!;
            var text = await FarewellTextAsync(db, lifecycle, cancellationToken);
            OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text), GroupLifecycle.FarewellKey(group.Id), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    /// <summary>The farewell as the group will read it: the workspace's farewell template, else the built-in one.</summary>
    public async Task<string> FarewellTextAsync(QunyunDb db, GroupLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var target = await TemplateGroups.LoadAsync(db, lifecycle.GroupId, cancellationToken)
            ?? throw new InvalidOperationException($"Group {lifecycle.GroupId} is gone.");
        var zone = await LifecycleOfGroup.ZoneAsync(db, lifecycle.GroupId, cancellationToken);
        var values = new TemplateValues()
            .Set("activity.name", target.Name)
            .Set("activity.ends_on", lifecycle.EndsOn.ToString("yyyy-MM-dd"))
            .Set("dissolve.date", DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(lifecycle.DissolveDueAt, zone)).ToString("yyyy-MM-dd"));
        return await render.RenderByKeyAsync(db, target, TemplatePurpose.Farewell, FarewellTemplateKey,
            language => DefaultTemplates.Source(TemplatePurpose.Farewell, language), values, null, cancellationToken);
    }

    private async Task<int> DissolveDueAsync(QunyunDb db, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var due = await db.GroupLifecycles.AsNoTracking()
            .Where(l => (l.State == LifecycleState.Scheduled || l.State == LifecycleState.FarewellSent) && l.DissolveDueAt <= nowUtc)
            .Select(l => l.Id).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var id in due)
        {
            done += await dissolve.ExecuteAsync(db, id, zone, cancellationToken) ? 1 : 0;
        }

        return done;
    }
}
