using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Outbox;

/// <summary>A channel's actions still waiting to go out: counted before it is deleted, and discarded with it.</summary>
public static class ChannelQueue
{
    public static Task<int> CountAsync(QunyunDb db, Guid channelId, CancellationToken cancellationToken) =>
        db.Outbox.CountAsync(o => o.ChannelId == channelId && o.Status == OutboxStatus.Pending, cancellationToken);

    /// <summary>Marks them discarded (kept for the record, never sent); a row a dispatcher holds right now finishes its try.</summary>
    public static Task<int> DiscardAsync(QunyunDb db, Guid channelId, string reason, CancellationToken cancellationToken) =>
        db.Outbox.Where(o => o.ChannelId == channelId && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Discarded).SetProperty(o => o.LastError, reason), cancellationToken);
}
