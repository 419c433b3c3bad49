using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>A workspace's WeCom channels and their credentials, read for the API, the console and the background sync.</summary>
public sealed class WeComChannels(QunyunDbFactory factory, ChannelCredentials credentials)
{
    public async Task<WeComCredentials?> CredentialsAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var stored = await db.Channels.Where(c => c.Id == channelId && c.Kind == ChannelKind.WeCom).Select(c => c.ProtectedCredentials).FirstOrDefaultAsync(cancellationToken);
        return CredentialsOf(stored);
    }

    public WeComCredentials? CredentialsOf(string? protectedCredentials) => WeComCredentials.Read(credentials.Unprotect(protectedCredentials));

    public static Task<List<Channel>> ListAsync(QunyunDb db, CancellationToken cancellationToken) =>
        db.Channels.AsNoTracking().Where(c => c.Kind == ChannelKind.WeCom).OrderBy(c => c.Name).ToListAsync(cancellationToken);
}
