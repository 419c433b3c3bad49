namespace Qunyun.Features.Connectors;

/// <summary>
/// Images a platform hands over as its own file references rather than URLs (Telegram's file ids): the connector
/// that owns the scheme fetches the bytes for the QR rules, within the event's workspace.
/// </summary>
public interface IPlatformImageSource
{
    string Scheme { get; }

    /// <summary>The image's bytes, or null when the file is unknown, not the workspace's, or larger than <paramref name="maxBytes"/>.</summary>
    Task<byte[]?> FetchAsync(Guid workspaceId, Uri uri, int maxBytes, CancellationToken cancellationToken);
}
