using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors;

/// <summary>
/// Executes outbox actions on one platform. Register it with <c>services.AddConnector&lt;T&gt;()</c>; the outbox
/// dispatcher calls it once per attempt, in order per group, after checking <see cref="CapabilitiesFor"/>.
/// Inbound traffic goes through <see cref="ConnectorInbound"/>, which stores events durably before the connector
/// acknowledges them to the platform.
/// </summary>
public interface IConnector
{
    ChannelKind Kind { get; }

    /// <summary>What this platform can do in general.</summary>
    ConnectorCapabilities Capabilities { get; }

    /// <summary>What one channel can do (a bridge may declare less); the default is <see cref="Capabilities"/>.</summary>
    ConnectorCapabilities CapabilitiesFor(Channel channel) => Capabilities;

    /// <summary>
    /// Tries the action once. Must not throw for platform answers: map them to an outcome (exceptions count as
    /// transient failures). <paramref name="idempotencyKey"/> is stable across retries and restarts; pass it to the
    /// platform when it can deduplicate. <paramref name="channel"/> is a detached snapshot (credentials still protected).
    /// </summary>
    Task<DeliveryOutcome> ExecuteAsync(Channel channel, OutboxMessage message, ConnectorAction action, string idempotencyKey, CancellationToken cancellationToken);
}
