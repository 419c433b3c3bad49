using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Pipeline;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Events;

/// <summary>
/// The single writer of the pipeline. Takes the oldest pending events of one workspace (in arrival order, so each
/// group's events keep their order), resolves identities, groups and memberships, updates the daily rollups and
/// activity scores, runs the later stages, and commits all of it with the removal of the pending markers in one
/// transaction. A batch that fails leaves its events pending, to be retried.
/// </summary>
public sealed class EventProcessor(
    QunyunDbFactory factory,
    IEnumerable<IEventStage> stages,
    IOptions<PipelineOptions> options,
    TimeProvider clock)
{
    private readonly SemaphoreSlim _singleWriter = new(1, 1);

    /// <summary>Processes one batch; returns how many events it processed (0 when nothing is pending).</summary>
    public Task<int> ProcessNextBatchAsync(CancellationToken cancellationToken) => ProcessAsync(options.Value.BatchSize, cancellationToken);

    /// <summary>
    /// After batches keep failing: processes the pending events one at a time, and sets aside the first one that fails
    /// (as a <see cref="FailedEvent"/>) so the rest can go on. Returns its id, or null when every event went through.
    /// Does nothing while the database is unreachable — then the fault is not the event's.
    /// </summary>
    public async Task<long?> SetAsideNextFailureAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.Value.BatchSize; attempt++)
        {
            try
            {
                if (await ProcessAsync(1, cancellationToken) == 0)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return await SetAsideHeadAsync(e, cancellationToken);
            }
        }

        return null;
    }

    private async Task<long?> SetAsideHeadAsync(Exception error, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return null;
        }

        var head = await db.PendingEvents.IgnoreQueryFilters().OrderBy(p => p.EventId).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var text = error.ToString();
        db.FailedEvents.Add(new FailedEvent
        {
            EventId = head.EventId,
            WorkspaceId = head.WorkspaceId,
            Error = text.Length > 4000 ? text[..4000] : text,
            FailedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.PendingEvents.Remove(head);
        await db.SaveChangesAsync(cancellationToken);
        return head.EventId;
    }

    private async Task<int> ProcessAsync(int limit, CancellationToken cancellationToken)
    {
        await _singleWriter.WaitAsync(cancellationToken);
        try
        {
            int? processed;
            while ((processed = await TryProcessAsync(limit, cancellationToken)) is null)
            {
                // Another process (a CLI verb beside the server) claimed some of these events first: read again.
            }

            return processed.Value;
        }
        finally
        {
            _singleWriter.Release();
        }
    }

    /// <summary>One batch; null when another writer claimed part of it between the read and the claim.</summary>
    private async Task<int?> TryProcessAsync(int limit, CancellationToken cancellationToken)
    {
        Guid? workspaceId;
        await using (var probe = factory.CreateUnscoped())
        {
            workspaceId = await probe.PendingEvents.IgnoreQueryFilters().OrderBy(p => p.EventId)
                .Select(p => (Guid?)p.WorkspaceId).FirstOrDefaultAsync(cancellationToken);
        }

        if (workspaceId is null)
        {
            return 0;
        }

        var mark = Stopwatch.GetTimestamp();
        await using var db = factory.Create(workspaceId.Value);
        var pending = await db.PendingEvents.AsNoTracking().OrderBy(p => p.EventId).Take(limit)
            .Select(p => p.Event!).ToListAsync(cancellationToken);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var settings = new PipelineSettings(WorkspaceTime.Zone(workspace.TimeZone), TimeSpan.FromDays(options.Value.ActivityHalfLifeDays), workspace.DefaultGroupType);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The claim comes first: removing the pending markers takes the write lock (SQLite) or the rows' locks
        // (PostgreSQL), so a second writer in another process waits, then finds fewer markers and reads again.
        var claim = pending.Select(p => p.Id).ToList();
        if (await db.PendingEvents.Where(p => EF.Parameter(claim).Contains(p.EventId)).ExecuteDeleteAsync(cancellationToken) != pending.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        mark = PipelineMetrics.Phase("process.read", mark);
        var state = await BatchState.LoadAsync(db, pending, cancellationToken);
        mark = PipelineMetrics.Phase("process.load", mark);
        var (processedEvents, effects) = ApplyEvent.Run(state, settings, pending, db.WorkspaceId, clock.GetUtcNow().UtcDateTime);
        mark = PipelineMetrics.Phase("process.engine", mark);

        // The built-in effects go first, so that stages find this batch's members, groups and rollups in batch.Db.
        await EffectsWriter.WriteAsync(db, effects, pending, cancellationToken);
        await BatchState.RecountGroupsAsync(db, effects.TouchedGroups, cancellationToken);
        mark = PipelineMetrics.Phase("process.write", mark);
        var batch = new PipelineBatch(db, clock);
        foreach (var processed in processedEvents)
        {
            foreach (var stage in stages)
            {
                await stage.ProcessAsync(processed, batch, cancellationToken);
            }
        }

        foreach (var stage in stages)
        {
            await stage.CompleteBatchAsync(processedEvents, batch, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        mark = PipelineMetrics.Phase("process.stages", mark);
        await transaction.CommitAsync(cancellationToken);
        PipelineMetrics.Phase("process.commit", mark);
        return pending.Count;
    }

    /// <summary>
    /// Runs other writes of member state (the CSV import) under the pipeline's single-writer lock, so an identity the
    /// pipeline creates cannot slip in between the import's lookup and its insert (and SQLite sees one writer at a time).
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _singleWriter.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _singleWriter.Release();
        }
    }

    /// <summary>Processes until nothing is pending (tests, the demo simulator, imports).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (int processed; (processed = await ProcessNextBatchAsync(cancellationToken)) > 0;)
        {
            total += processed;
        }

        return total;
    }
}
