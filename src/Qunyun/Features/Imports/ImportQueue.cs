using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Imports.Members;

namespace Qunyun.Features.Imports;

/// <summary>Queued import jobs, taken one at a time; wakes when a job is queued.</summary>
public sealed class ImportQueue(QunyunDbFactory factory, RunMemberImport members, ImportStorage storage, TimeProvider clock)
{
    private readonly Hosting.WakeSignal _wake = new();

    public void Wake() => _wake.Wake();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>Claims the oldest queued job and runs it; false when none was queued (or another runner claimed it).</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var next = await db.ImportJobs.IgnoreQueryFilters().Where(j => j.Status == ImportStatus.Queued)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Select(j => new { j.Id, j.WorkspaceId }).FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return false;
        }

        var claimed = await db.ImportJobs.IgnoreQueryFilters().Where(j => j.Id == next.Id && j.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running), cancellationToken);
        if (claimed == 1)
        {
            try
            {
                await members.ExecuteAsync(next.WorkspaceId, next.Id, () => File.OpenRead(storage.PathFor(next.Id)), null, cancellationToken);
            }
            finally
            {
                storage.Delete(next.Id);
            }
        }

        return true;
    }

    /// <summary>
    /// On start: a job still marked running was cut off by a stop or crash of this server. It is not resumed (its file
    /// may be half-read and the rows written so far are committed); it is marked failed with the reason, and running
    /// the same file again is safe — rows already imported match their member and come out unchanged.
    /// </summary>
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var interrupted = await db.ImportJobs.IgnoreQueryFilters()
            .Where(j => j.Status == ImportStatus.Running || j.Status == ImportStatus.Validating).Select(j => j.Id).ToListAsync(cancellationToken);
        await db.ImportJobs.IgnoreQueryFilters().Where(j => interrupted.Contains(j.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Failed)
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(j => j.Failure, Interrupted), cancellationToken);
        interrupted.ForEach(id => File.Delete(storage.PathFor(id)));
        return interrupted.Count;
    }

    public const string Interrupted =
        "The server stopped while this import was running. Rows written before that stay; run the file again — rows already imported come out unchanged.";
}

/// <summary>Runs queued imports in the background.</summary>
internal sealed class ImportWorker(ImportQueue queue, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interrupted = await queue.FailInterruptedAsync(stoppingToken);
            if (interrupted > 0)
            {
                logger.LogWarning("{Count} import(s) were cut off by the last stop and are marked failed", interrupted);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!await queue.RunNextAsync(stoppingToken))
                    {
                        await queue.WaitAsync(Idle, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Import queue failed; retrying");
                    await queue.WaitAsync(Idle, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
