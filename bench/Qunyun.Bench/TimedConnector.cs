using System.Collections.Concurrent;
using System.Diagnostics;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Outbox;

namespace Qunyun.Bench;

/// <summary>Times each call of the wrapped connector (the dispatcher's "deliver" step without its database write).</summary>
internal sealed class TimedConnector(IConnector inner) : IConnector
{
    private readonly ConcurrentQueue<double> _milliseconds = new();

    public ChannelKind Kind => inner.Kind;

    public ConnectorCapabilities Capabilities => inner.Capabilities;

    public double TotalSeconds => _milliseconds.Sum() / 1000;

    public ConnectorCapabilities CapabilitiesFor(ChannelSnapshot channel) => inner.CapabilitiesFor(channel);

    public async Task<DeliveryOutcome> ExecuteAsync(
        ChannelSnapshot channel, ConnectorAction action, ActionDelivery delivery, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await inner.ExecuteAsync(channel, action, delivery, cancellationToken);
        }
        finally
        {
            _milliseconds.Enqueue(watch.Elapsed.TotalMilliseconds);
        }
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }
}
