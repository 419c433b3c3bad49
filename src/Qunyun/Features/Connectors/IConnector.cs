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

    /// <summary>
    /// Asks the platform whether credentials work before they are saved (a token it rejects, a server it cannot be
    /// reached on). The default accepts any non-empty value: a shared secret cannot be checked on its own.
    /// </summary>
    Task<CredentialCheck> CheckCredentialsAsync(string credentials, CancellationToken cancellationToken) =>
        Task.FromResult(CredentialCheck.Accepted(null));

    /// <summary>The path (under the host) where the platform posts to this channel, or null when it does not post.</summary>
    string? InboundPath(Guid channelId) => null;
}

/// <summary>The platform's answer about credentials: accepted (with the account they belong to) or the problem, in its words.</summary>
public sealed record CredentialCheck(bool Ok, string? Account, string? Problem)
{
    public static CredentialCheck Accepted(string? account) => new(true, account, null);

    public static CredentialCheck Refused(string problem) => new(false, null, problem);
}
