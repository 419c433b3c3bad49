using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// The pending path of the pipeline: events that were stored before they could be processed (a batch that failed, or
/// events that arrived while others of their workspace were waiting) are taken oldest first, per workspace, and run
/// through the same <see cref="BatchRunner"/> as new events, under the same single writer. A batch that fails leaves
/// its events pending, to be retried.
/// </summary>
public sealed class EventProcessor(
    QunyunDbFactory factory,
    SingleWriter writer,
    BatchRunner runner,
    WarmStates states,
    SqlitePlannerStatistics statistics,
    IOptions<PipelineOptions> options,
    TimeProvider clock)
{
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
        await writer.Lock.WaitAsync(cancellationToken);
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
            writer.Lock.Release();
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
            writer.NothingPending();
            return 0;
        }

        var mark = Stopwatch.GetTimestamp();
        await using var db = factory.Create(workspaceId.Value);
        db.IsPipelineWriter = true;
        var pending = await db.PendingEvents.AsNoTracking().OrderBy(p => p.EventId).Take(limit)
            .Select(p => p.Event!).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The claim comes first: removing the pending markers takes the write lock (SQLite) or the rows' locks
        // (PostgreSQL), so a second writer in another process waits, then finds fewer markers and reads again.
        var claim = pending.Select(p => p.Id).ToList();
        if (await db.PendingEvents.Where(p => EF.Parameter(claim).Contains(p.EventId)).ExecuteDeleteAsync(cancellationToken) != pending.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        PipelineMetrics.Phase("process.read", mark);
        try
        {
            await runner.RunAsync(db, pending.ConvertAll(e => new IncomingEvent(e, EventPayload.Read(e.Payload))), stored: true, cancellationToken);
            mark = Stopwatch.GetTimestamp();
            await transaction.CommitAsync(cancellationToken);
            PipelineMetrics.Phase("process.commit", mark);
            await statistics.CommittedAsync(db, pending.Count, cancellationToken);
        }
        catch
        {
            states.Drop(workspaceId.Value);
            throw;
        }

        if (pending.Count < limit)
        {
            writer.SetPending(workspaceId.Value, await db.PendingEvents.AnyAsync(cancellationToken));
        }

        return pending.Count;
    }

    /// <summary>Runs other writes of member state (the CSV import) under the pipeline's single writer.</summary>
    public Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) => writer.ExclusiveAsync(work, cancellationToken);

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
