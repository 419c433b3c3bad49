using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;

namespace Qunyun.Features.Outbox;

public sealed record OutboxItem(
    Guid Id, Guid ChannelId, string ChannelName, ChannelKind ChannelKind, Guid? GroupId, string Action, string Payload,
    string IdempotencyKey, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt,
    DateTime? LastAttemptAt, DateTime? DeliveredAt, DateTime? DeadAt, string? LastError, string? PlatformRef);

public enum OutboxChange
{
    Done,
    NotFound,

    /// <summary>The row is not in a state the change applies to (or a dispatcher holds it right now).</summary>
    WrongState,
}

/// <summary>Staff's view of the outbox: list by status, replay a dead or unsupported action, discard one.</summary>
public sealed class OutboxActions(TimeProvider clock)
{
    public static IQueryable<OutboxItem> List(QunyunDb db, OutboxStatus status, Guid? channelId = null)
    {
        var rows = db.Outbox.AsNoTracking().Where(o => o.Status == status);
        if (channelId is { } channel)
        {
            rows = rows.Where(o => o.ChannelId == channel);
        }

        var ordered = status == OutboxStatus.Pending ? rows.OrderBy(o => o.Sequence) : rows.OrderByDescending(o => o.Sequence);
        return ordered.Join(db.Channels, o => o.ChannelId, c => c.Id, (o, c) => new OutboxItem(
            o.Id, o.ChannelId, c.Name, c.Kind, o.GroupId, o.Action, o.Payload, o.IdempotencyKey, o.Status, o.Attempts,
            o.CreatedAt, o.NextAttemptAt, o.LastAttemptAt, o.DeliveredAt, o.DeadAt, o.LastError, o.PlatformRef));
    }

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
