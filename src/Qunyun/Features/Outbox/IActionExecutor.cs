using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Outbox;

/// <summary>One delivery of an action: the outbox row it came from, stable across retries and restarts.</summary>
/// <param name="IdempotencyKey">Pass it to the platform when it can deduplicate.</param>
public sealed record ActionDelivery(Guid Id, string IdempotencyKey, Guid? GroupId, DateTime CreatedAt);

/// <summary>
/// What the dispatcher delivers through. The connectors (<c>Features/Connectors</c>) implement it, so the outbox
/// knows no connector and the connectors may read the outbox's records.
/// </summary>
public interface IActionExecutor
{
    /// <summary>What one channel can do (a bridge may declare less).</summary>
    ConnectorCapabilities CapabilitiesFor(ChannelSnapshot channel);

    /// <summary>
    /// Tries the action once. Must not throw for platform answers: map them to an outcome (exceptions count as
    /// transient failures). <paramref name="channel"/> is a detached snapshot (credentials still protected);
    /// <paramref name="delivery"/> carries the idempotency key.
    /// </summary>
    Task<DeliveryOutcome> ExecuteAsync(ChannelSnapshot channel, ConnectorAction action, ActionDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>The executor of each channel kind; none when no connector is registered for it (its actions wait).</summary>
public interface IActionExecutors
{
    IActionExecutor? For(ChannelKind kind);
}
