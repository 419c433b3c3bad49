using Qunyun.Data;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Events;

/// <summary>The unit of work of one pipeline batch: one workspace, one transaction, its events in order.</summary>
public sealed class PipelineBatch(QunyunDb db, IReadOnlyList<ProcessedEvent> events, TimeProvider clock)
{
    public QunyunDb Db => db;

    public Guid WorkspaceId => db.WorkspaceId;

    /// <summary>The batch's events in the order they happened per group, with the verdicts of the stages so far.</summary>
    public IReadOnlyList<ProcessedEvent> Events => events;

    public TimeProvider Clock => clock;

    /// <summary>Queues an action for delivery; it is written in this batch's transaction.</summary>
    public void Enqueue(Guid channelId, Guid? groupId, string action, string payload, string idempotencyKey) =>
        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ChannelId = channelId,
            GroupId = groupId,
            Action = action,
            Payload = payload,
            IdempotencyKey = idempotencyKey,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
}
