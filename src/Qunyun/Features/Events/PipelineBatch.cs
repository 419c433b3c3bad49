using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Events;

/// <summary>The unit of work of one pipeline batch: one workspace, one transaction.</summary>
public sealed class PipelineBatch(QunyunDb db, TimeProvider clock)
{
    private readonly HashSet<long> _moderated = [];

    public QunyunDb Db => db;

    public Guid WorkspaceId => db.WorkspaceId;

    /// <summary>Queues an action for delivery; it is written in this batch's transaction.</summary>
    public void Enqueue(Guid channelId, Guid? groupId, ConnectorAction action, string idempotencyKey) =>
        OutboxEntry.Enqueue(db, channelId, groupId, action, idempotencyKey, clock.GetUtcNow());

    /// <summary>Marks a message that broke the group's rules, so later stages (the bot) do not answer or count it.</summary>
    public void MarkModerated(long eventId) => _moderated.Add(eventId);

    public bool IsModerated(long eventId) => _moderated.Contains(eventId);
}
