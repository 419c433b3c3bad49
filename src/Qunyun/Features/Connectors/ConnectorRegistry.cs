using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors;

/// <summary>The registered connectors, one per channel kind.</summary>
public sealed class ConnectorRegistry : IActionExecutors
{
    private readonly Dictionary<ChannelKind, IConnector> _byKind;

    public ConnectorRegistry(IEnumerable<IConnector> connectors)
    {
        _byKind = [];
        foreach (var connector in connectors)
        {
            if (!_byKind.TryAdd(connector.Kind, connector))
            {
                throw new InvalidOperationException($"Two connectors are registered for {connector.Kind}.");
            }
        }
    }

    public IConnector? For(ChannelKind kind) => _byKind.GetValueOrDefault(kind);

    IActionExecutor? IActionExecutors.For(ChannelKind kind) => For(kind);

    /// <summary>
    /// Whether the platform itself does <paramref name="action"/> (not a staff member asked to, as WeCom's staff tasks
    /// do for removals); false without a connector.
    /// </summary>
    public bool PlatformDoes(ChannelKind kind, string action) => For(kind)?.Capabilities.Supports(action) == true;

    /// <summary>None when the kind has no connector: its actions wait.</summary>
    public ConnectorCapabilities CapabilitiesOf(ChannelSnapshot channel) =>
        For(channel.Kind)?.CapabilitiesFor(channel) ?? ConnectorCapabilities.None;
}
