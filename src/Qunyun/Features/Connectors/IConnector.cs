using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors;

/// <summary>
/// Executes outbox actions on one platform. Register it with <c>services.AddConnector&lt;T&gt;()</c>; the outbox
/// dispatcher calls it once per attempt, in order per group, after checking <see cref="IActionExecutor.CapabilitiesFor"/>.
/// Inbound traffic goes through <see cref="ConnectorInbound"/>, which stores events durably before the connector
/// acknowledges them to the platform. State a connector keeps between calls (health, cursors, chats seen, replay
/// nonces) goes through <see cref="ChannelStateStore"/>, never tables of its own.
/// </summary>
public interface IConnector : IActionExecutor
{
    ChannelKind Kind { get; }

    /// <summary>What this platform can do in general.</summary>
    ConnectorCapabilities Capabilities { get; }

    /// <summary>What one channel can do (a bridge may declare less); the default is <see cref="Capabilities"/>.</summary>
    ConnectorCapabilities IActionExecutor.CapabilitiesFor(ChannelSnapshot channel) => Capabilities;
}
