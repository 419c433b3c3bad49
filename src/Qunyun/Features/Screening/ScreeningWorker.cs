using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

/// <summary>
/// By the clock: approves task-gated applicants who completed their task, and turns away everyone still pending at
/// their deadline. Each decision goes through <see cref="DecideScreening"/>, which decides a screening once however
/// many hosts run this at the same moment.
/// </summary>
public sealed class ScreeningWorker(QunyunDbFactory factory, DecideScreening decide, IOptions<ScreeningOptions> options, TimeProvider clock, ILogger<ScreeningWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Screening check failed; retrying at the next poll.");
            }

            try
            {
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Decides what is due now; returns how many screenings it decided.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var db = factory.CreateUnscoped())
        {
            workspaces = await db.Screenings.IgnoreQueryFilters().Where(s => s.Status == ScreeningStatus.Pending).Select(s => s.WorkspaceId)
                .Distinct().ToListAsync(cancellationToken);
        }

        var decided = 0;
        foreach (var workspaceId in workspaces)
        {
            await using var db = factory.Create(workspaceId);
            decided += await RunWorkspaceAsync(db, cancellationToken);
        }

        return decided;
    }

    private async Task<int> RunWorkspaceAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = await db.Screenings.AsNoTracking().Where(s => s.Status == ScreeningStatus.Pending && s.Mode == EntryMode.TaskGated).ToListAsync(cancellationToken);
        var progress = await ScreeningTasks.ProgressAsync(db, tasks, now, cancellationToken);
        var decided = 0;
        foreach (var screening in tasks)
        {
            if (progress.TryGetValue(screening.Id, out var state) && state.Done != screening.TaskDone)
            {
                await db.Screenings.Where(s => s.Id == screening.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TaskDone, state.Done), cancellationToken);
            }

            if (state is { Passed: true })
            {
                decided += await DecideAsync(db, screening.Id, new(true, ScreeningDecider.Task, nameof(ScreeningDecider.Task), null), cancellationToken);
            }
        }

        var expired = await db.Screenings.AsNoTracking().Where(s => s.Status == ScreeningStatus.Pending && s.Deadline <= now).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            decided += await DecideAsync(db, id, new(false, ScreeningDecider.Deadline, nameof(ScreeningDecider.Deadline), null, Expired: true), cancellationToken);
        }

        return decided;
    }

    private async Task<int> DecideAsync(QunyunDb db, Guid id, DecideScreening.Decision decision, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await decide.ExecuteAsync(db, id, decision, cancellationToken) is DecideScreening.Outcome.Decided ? 1 : 0;
    }
}
