using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Outbox;

public enum OutboxChange
{
    Done,
    NotFound,

    /// <summary>The row is not in a state the change applies to (or a dispatcher holds it right now).</summary>
    WrongState,
}

/// <summary>Staff's changes to the outbox: replay a dead or unsupported action, discard one; counts per status.</summary>
public sealed class OutboxActions(TimeProvider clock)
{
    public static async Task<Dictionary<OutboxStatus, int>> CountsAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.Outbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// Puts a dead, unsupported or discarded action back in line as new (attempts reset). It keeps its place in its
    /// group's order and its idempotency key, so a platform that saw an earlier try can deduplicate.
    /// </summary>
    public async Task<OutboxChange> ReplayAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Outbox.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return OutboxChange.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Outbox
            .Where(o => o.Id == id && (o.Status == OutboxStatus.Dead || o.Status == OutboxStatus.Unsupported || o.Status == OutboxStatus.Discarded))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.Attempts, 0)
                .SetProperty(o => o.NextAttemptAt, now)
                .SetProperty(o => o.DeadAt, (DateTime?)null)
                .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
        return changed == 1 ? OutboxChange.Done : OutboxChange.WrongState;
    }

    /// <summary>Gives up on an action that is dead, unsupported, or pending and not being delivered right now.</summary>
    public async Task<OutboxChange> DiscardAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Outbox.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return OutboxChange.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Outbox
            .Where(o => o.Id == id && (o.Status == OutboxStatus.Dead || o.Status == OutboxStatus.Unsupported
                || (o.Status == OutboxStatus.Pending && (o.LockedUntil == null || o.LockedUntil <= now))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Discarded)
                .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
        return changed == 1 ? OutboxChange.Done : OutboxChange.WrongState;
    }

}
