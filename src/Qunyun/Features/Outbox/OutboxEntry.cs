using Qunyun.Data;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Outbox;

/// <summary>
/// The one way an action enters the outbox: a typed record of the engine's catalogue (its payload written by
/// <see cref="ConnectorActionWriter"/>, which refuses what its parser would not read back) and the idempotency key
/// that makes its delivery happen once. The row is added to the context; the caller's transaction commits it.
/// </summary>
public static class OutboxEntry
{
    /// <param name="eventId">The event that led to the action, when one did (the console links it).</param>
    public static OutboxMessage Enqueue(
        QunyunDb db, Guid channelId, Guid? groupId, ConnectorAction action, string idempotencyKey, DateTimeOffset createdAt, long? eventId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var row = new OutboxMessage(action)
        {
            Id = Guid.CreateVersion7(createdAt),
            ChannelId = channelId,
            GroupId = groupId,
            IdempotencyKey = idempotencyKey,
            EventId = eventId,
            CreatedAt = createdAt.UtcDateTime,
        };
        db.Outbox.Add(row);
        return row;
    }
}
