using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors;

public sealed record ChannelRequest
{
    [Required]
    public ChannelKind? Kind { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>A bot token or shared secret; stored encrypted and never returned. Webhook channels without one get a generated secret, returned once.</summary>
    [StringLength(4000)]
    public string? Credentials { get; init; }

    /// <summary>Webhook channels: the absolute http(s) URL their actions are POSTed to; it must answer.</summary>
    [StringLength(2000)]
    public string? OutboundUrl { get; init; }
}

public sealed record RotateCredentialsRequest
{
    /// <summary>The new token or secret; webhook channels may leave it out to get a generated one (returned once).</summary>
    [StringLength(4000)]
    public string? Credentials { get; init; }
}

/// <param name="InboundPath">Where the platform posts to this channel (under the host), when it does.</param>
/// <param name="Secret">Only in the answer that generated it (create or rotate of a webhook channel): shown once.</param>
public sealed record ChannelResponse(
    Guid Id, ChannelKind Kind, string Name, bool HasCredentials, int GroupCount, DateTime CreatedAt, string? OutboundUrl,
    ChannelHealth Health, string? InboundPath, bool Disabled, string? Secret = null);

/// <summary>What deleting a channel would touch: it is refused while history is tied to it; queued actions are discarded only when asked.</summary>
public sealed record ChannelDeletion(int Groups, int Identities, bool HasEvents, int QueuedActions)
{
    public bool Blocked => Groups > 0 || Identities > 0 || HasEvents;
}
