using Qunyun.Engine.Channels;

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
/// "failing" from the last error until the next successful contact.
/// </summary>
public sealed record ChannelHealth(ChannelHealthStatus Status, DateTime? Since = null, string? Reason = null)
{
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
            return new(ChannelHealthStatus.Failing, state.FailingSince ?? errorAt, state.LastError);
        }

        return state?.LastContactAt is { } contact ? new(ChannelHealthStatus.Healthy, contact) : new(ChannelHealthStatus.NotTested);
    }
}
