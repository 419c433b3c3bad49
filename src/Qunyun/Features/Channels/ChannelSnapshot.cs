using Qunyun.Engine.Channels;

namespace Qunyun.Features.Channels;

/// <summary>A channel as connectors see it: a detached copy, credentials still protected.</summary>
public sealed record ChannelSnapshot(Guid Id, Guid WorkspaceId, ChannelKind Kind, string Name, string? ProtectedCredentials, string? OutboundUrl)
{
    public static ChannelSnapshot Of(Channel channel) =>
        new(channel.Id, channel.WorkspaceId, channel.Kind, channel.Name, channel.ProtectedCredentials, channel.OutboundUrl);
}
