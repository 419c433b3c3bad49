using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// The process-wide writer lock of the pipeline, and which workspaces have events waiting in the pending table: while
/// a workspace has any, new events queue behind them (stored pending too), so each group's events keep their order.
/// </summary>
public sealed class SingleWriter
{
    private readonly Dictionary<Guid, bool> _pending = [];

    public SemaphoreSlim Lock { get; } = new(1, 1);

    /// <summary>Call under <see cref="Lock"/>.</summary>
    internal async Task<bool> HasPendingAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        if (!_pending.TryGetValue(db.WorkspaceId, out var pending))
        {
            _pending[db.WorkspaceId] = pending = await db.PendingEvents.AnyAsync(cancellationToken);
        }

        return pending;
    }

    /// <summary>Call under <see cref="Lock"/>.</summary>
    internal void SetPending(Guid workspaceId, bool pending) => _pending[workspaceId] = pending;

    /// <summary>Call under <see cref="Lock"/>, when the pending table is empty.</summary>
    internal void NothingPending()
    {
        foreach (var workspace in _pending.Keys.ToList())
        {
            _pending[workspace] = false;
        }
    }

    /// <summary>
    /// Runs other writes of member state (the CSV import) under the pipeline's lock, so an identity the pipeline creates
    /// cannot slip in between the import's lookup and its insert (and SQLite sees one writer at a time).
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await Lock.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            Lock.Release();
        }
    }
}
