using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Tags;

/// <summary>
/// Runs <see cref="TagRecheck"/> once a day per workspace at <see cref="TagOptions.RecheckAt"/> in the workspace's time
/// zone. The last run is stored (<see cref="TagRecheckRun"/>), so a restart neither repeats nor skips a day; a run
/// missed while the host was down happens at start.
/// </summary>
internal sealed class TagRecheckWorker(QunyunDbFactory factory, TagRecheck recheck, IOptions<TagOptions> options, TimeProvider clock, ILogger<TagRecheckWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunRecheck)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(Poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Tag recheck failed; trying again in a minute");
                await Task.Delay(Poll, clock, stoppingToken);
            }
        }
    }

    /// <summary>Rechecks every workspace whose daily slot has passed since its last run; returns how many it rechecked.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, string TimeZone, DateTime? LastRun)> workspaces;
        await using (var db = factory.CreateUnscoped())
        {
            var runs = await db.TagRecheckRuns.IgnoreQueryFilters().ToDictionaryAsync(r => r.WorkspaceId, r => r.RanAt, cancellationToken);
            workspaces = (await db.Workspaces.AsNoTracking().Select(w => new { w.Id, w.TimeZone }).ToListAsync(cancellationToken))
                .Select(w => (w.Id, w.TimeZone, runs.TryGetValue(w.Id, out var ran) ? ran : (DateTime?)null)).ToList();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = workspaces.Where(w => RecheckSchedule.IsDue(w.LastRun, now, WorkspaceTime.Zone(w.TimeZone), options.Value.RecheckTime)).ToList();
        foreach (var workspace in due)
        {
            await using var db = factory.Create(workspace.Id);
            var report = await recheck.RunAsync(db, cancellationToken);
            logger.LogInformation("Tag recheck of workspace {Workspace}: {Added} added, {Removed} removed", workspace.Id, report.Added, report.Removed);
        }

        return due.Count;
    }
}
