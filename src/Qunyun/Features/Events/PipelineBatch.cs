using Qunyun.Data;
using Qunyun.Engine.Connectors;
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
    public void Enqueue(Guid channelId, Guid? groupId, ConnectorAction action, string idempotencyKey) =>
        OutboxEntry.Enqueue(db, channelId, groupId, action, idempotencyKey, clock.GetUtcNow());
}
