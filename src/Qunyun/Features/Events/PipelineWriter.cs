using Microsoft.Extensions.Options;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// The durable path of new events, with group commit: callers hand in their events and wait; whoever holds the single
/// writer takes every waiting submission of one workspace (up to a batch) and, in one transaction, drops repeats,
/// runs the batch (events written once, with member and group) and commits. A batch that fails is stored as pending
/// instead, for the <see cref="EventProcessor"/> to retry and, if it keeps failing, set its poison event aside: an
/// accepted event is always durable before its caller hears so.
/// </summary>
public sealed class PipelineWriter(
    QunyunDbFactory factory, SingleWriter writer, BatchRunner runner, WarmStates states, PipelineSignal signal,
    SqlitePlannerStatistics statistics, IOptions<PipelineOptions> options, ILogger<PipelineWriter> logger)
{
    private readonly List<Submission> _waiting = [];

    /// <summary>Returns each event's stored id, or null for a repeat of an event stored before.</summary>
    internal async Task<IReadOnlyList<long?>> StoreAsync(Guid workspaceId, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        var mine = new Submission(workspaceId, events);
        lock (_waiting)
        {
            _waiting.Add(mine);
        }

        try
        {
            await writer.Lock.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_waiting)
            {
                if (_waiting.Remove(mine))
                {
                    throw;
                }
            }

            return await mine.Done.Task; // another caller took it already
        }

        try
        {
            while (!mine.Done.Task.IsCompleted)
            {
                // The work of a batch is not cancelled with the caller who happens to lead it: it carries others' events.
                await WriteNextAsync(CancellationToken.None);
            }
        }
        finally
        {
            writer.Lock.Release();
        }

        return await mine.Done.Task;
    }

    private async Task WriteNextAsync(CancellationToken cancellationToken)
    {
        var taken = Take();
        var events = taken.SelectMany(s => s.Events).ToList();
        try
        {
            var ids = await WriteAsync(taken[0].WorkspaceId, events, cancellationToken);
            var offset = 0;
            foreach (var submission in taken)
            {
                submission.Done.TrySetResult(ids.GetRange(offset, submission.Events.Count));
                offset += submission.Events.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var submission in taken)
            {
                submission.Done.TrySetException(e);
            }
        }
    }

    /// <summary>The oldest waiting submission and those of the same workspace after it, up to a batch.</summary>
    private List<Submission> Take()
    {
        lock (_waiting)
        {
            var first = _waiting[0];
            var taken = new List<Submission> { first };
            var count = first.Events.Count;
            foreach (var next in _waiting.Skip(1).Where(s => s.WorkspaceId == first.WorkspaceId))
            {
                if (count + next.Events.Count > options.Value.BatchSize)
                {
                    break;
                }

                taken.Add(next);
                count += next.Events.Count;
            }

            _waiting.RemoveAll(taken.Contains);
            return taken;
        }
    }

    private async Task<List<long?>> WriteAsync(Guid workspaceId, List<IncomingEvent> events, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = factory.Create(workspaceId);
            db.IsPipelineWriter = true;
            if (await writer.HasPendingAsync(db, cancellationToken))
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var fresh = await runner.RunAsync(db, events, stored: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await statistics.CommittedAsync(db, fresh.Count, cancellationToken);
                var stored = fresh.Select(e => e.Row).ToHashSet();
                return events.ConvertAll(e => stored.Contains(e.Row) ? e.Row.Id : (long?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                states.Drop(workspaceId);
                if (e is BatchRunner.StoredMeanwhileException && attempt == 0)
                {
                    continue;
                }

                logger.LogWarning(e, "A batch of {Count} events failed; storing them as pending to retry one by one", events.Count);
                break;
            }
        }

        return await StorePendingAsync(workspaceId, events, cancellationToken);
    }

    private async Task<List<long?>> StorePendingAsync(Guid workspaceId, List<IncomingEvent> events, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var first = new Dictionary<(Guid, string), Event>();
        foreach (var e in events)
        {
            first.TryAdd((e.Row.ChannelId, e.Row.ExternalEventId), e.Row);
            (e.Row.MemberId, e.Row.GroupId) = (null, null);
        }

        var inserted = await EventInsert.InsertNewAsync(db, [.. first.Values], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        writer.SetPending(workspaceId, true);
        signal.Wake();
        return events.ConvertAll(e => first[(e.Row.ChannelId, e.Row.ExternalEventId)] == e.Row
            && inserted.TryGetValue((e.Row.ChannelId, e.Row.ExternalEventId), out var id) ? id : (long?)null);
    }

    private sealed record Submission(Guid WorkspaceId, IReadOnlyList<IncomingEvent> Events)
    {
        public TaskCompletionSource<List<long?>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
