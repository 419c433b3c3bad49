using Qunyun.Data;
using Qunyun.Features.Events;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Moderation;

/// <summary>Where moderation puts its actions: the pipeline batch (stage) or the context of a staff request.</summary>
public sealed class OutboxSink(Action<Guid, Guid?, string, string, string> enqueue)
{
    public void Send(Guid channelId, Guid? groupId, string action, object payload, string idempotencyKey) =>
        enqueue(channelId, groupId, action, ModerationJson.Write(payload), idempotencyKey);

    public static OutboxSink For(PipelineBatch batch) => new(batch.Enqueue);

    public static OutboxSink For(QunyunDb db, TimeProvider clock) =>
        new((channelId, groupId, action, payload, key) => db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ChannelId = channelId,
            GroupId = groupId,
            Action = action,
            Payload = payload,
            IdempotencyKey = key,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }));
}
