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
