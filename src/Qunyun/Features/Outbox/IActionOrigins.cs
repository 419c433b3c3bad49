using Qunyun.Data;

namespace Qunyun.Features.Outbox;

/// <summary>The decision that queued an outbox row: the console links it and names the rule that made it.</summary>
public sealed record ActionOrigin(Guid DecisionId, string Rule);

/// <summary>
/// A feature that queues actions for its decisions says which decision a row came from, read from the idempotency keys
/// it chose (moderation: <c>mod:{eventId}:…</c>). The outbox's page asks every registered one, knowing none of them.
/// </summary>
public interface IActionOrigins
{
    /// <summary>The origins it knows, by idempotency key; keys of other features are ignored.</summary>
    Task<IReadOnlyDictionary<string, ActionOrigin>> ByKeysAsync(QunyunDb db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>
/// A message an outbox row is about (the one it deletes, pins or answers), or the event that caused it (a join): its
/// event, group, author, text and kind (the wire name).
/// </summary>
public sealed record ActionMessage(long EventId, Guid? GroupId, Guid? MemberId, string? Text, string Kind);

/// <summary>
/// Finds the messages outbox rows refer to by their platform ids. The feature that stores events implements it (it
/// uses the outbox to queue its stages' actions, so the outbox cannot read its tables itself).
/// </summary>
public interface IActionMessages
{
    /// <summary>The stored messages among <paramref name="externalEventIds"/> of one channel, by platform id.</summary>
    Task<IReadOnlyDictionary<string, ActionMessage>> FindAsync(
        QunyunDb db, Guid channelId, IReadOnlyCollection<string> externalEventIds, CancellationToken cancellationToken);

    /// <summary>The stored events among <paramref name="eventIds"/> (the causes rows name), by id.</summary>
    Task<IReadOnlyDictionary<long, ActionMessage>> ByIdsAsync(QunyunDb db, IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken);
}
