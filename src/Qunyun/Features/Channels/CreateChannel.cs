using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;

namespace Qunyun.Features.Channels;

/// <summary>Adds a channel to a workspace; used by the API and the settings page.</summary>
public sealed class CreateChannel(QunyunDbFactory factory, ChannelCredentials credentials, TimeProvider clock)
{
    /// <returns>The new channel, or <c>null</c> when the workspace already has a channel with that name.</returns>
    public async Task<Channel?> ExecuteAsync(
        Guid workspaceId, ChannelKind kind, string name, string? secret, CancellationToken cancellationToken = default, string? outboundUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        await using var db = factory.Create(workspaceId);
        if (await db.Channels.AnyAsync(c => c.Name == trimmed, cancellationToken))
        {
            return null;
        }

        var channel = new Channel
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Kind = kind,
            Name = trimmed,
            ProtectedCredentials = credentials.Protect(secret),
            OutboundUrl = NormalizeUrl(outboundUrl),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return channel;
    }

    /// <summary>"" or blanks mean no URL.</summary>
    public static string? NormalizeUrl(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();
}
