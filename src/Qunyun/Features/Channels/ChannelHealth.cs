using System.Text.Json.Serialization;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Channels;

public enum ChannelHealthStatus
{
    /// <summary>Something the channel cannot work without is missing (a token, a secret, an outbound URL).</summary>
    NotConfigured,

    /// <summary>Configured, but the platform has not answered yet.</summary>
    NotTested,
    Healthy,

    /// <summary>The last word from the platform was an error (<see cref="ChannelHealth.Since"/>, <see cref="ChannelHealth.Reason"/>).</summary>
    Failing,
    Disabled,
}

/// <summary>
/// What the console and the API say about a channel: never "healthy" before the platform has answered once, and
/// "failing" from the last error until the next successful contact. <see cref="Reason"/> is the API's English line;
/// <see cref="Why"/> the reason code behind it, when the connector gave one, which the console words in its language.
/// </summary>
public sealed record ChannelHealth(ChannelHealthStatus Status, DateTime? Since = null, string? Reason = null)
{
    [JsonIgnore]
    public DeliveryReason? Why { get; init; }

    public static ChannelHealth Of(ChannelKind kind, bool hasCredentials, string? outboundUrl, DateTime? disabledAt, ChannelConnection? state)
    {
        if (disabledAt is { } disabled)
        {
            return new(ChannelHealthStatus.Disabled, disabled);
        }

        if (!hasCredentials || (kind == ChannelKind.Webhook && outboundUrl is null))
        {
            return new(ChannelHealthStatus.NotConfigured);
        }

        if (state is { LastErrorAt: { } errorAt } && (!state.Healthy || state.LastContactAt is null || errorAt > state.LastContactAt))
        {
            var why = DeliveryReason.Read(state.LastError);
            return new(ChannelHealthStatus.Failing, state.FailingSince ?? errorAt, why?.Text ?? state.LastError) { Why = why };
        }

        return state?.LastContactAt is { } contact ? new(ChannelHealthStatus.Healthy, contact) : new(ChannelHealthStatus.NotTested);
    }
}
