using Telegram.Bot;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>
/// Photos arrive as Telegram file ids; an event carries <c>telegram-file://{channelId}/{fileId}</c> (never a URL with
/// the token in it), and this downloads the bytes through getFile when something (moderation's QR reader) needs them.
/// </summary>
public sealed class TelegramFiles(TelegramBots bots) : IPlatformImageSource
{
    public const string FileScheme = "telegram-file";

    public string Scheme => FileScheme;

    public Task<byte[]?> FetchAsync(Guid workspaceId, Uri uri, int maxBytes, CancellationToken cancellationToken) =>
        TryParse(uri, out var channelId, out var fileId) ? DownloadAsync(workspaceId, channelId, fileId, maxBytes, cancellationToken) : Task.FromResult<byte[]?>(null);

    public static string UrlFor(Guid channelId, string fileId) => $"{FileScheme}://{channelId}/{Uri.EscapeDataString(fileId)}";

    public static bool TryParse(Uri uri, out Guid channelId, out string fileId)
    {
        fileId = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return Guid.TryParse(uri.Host, out channelId) & uri.Scheme == FileScheme & fileId.Length > 0;
    }

    /// <summary>The file's bytes (at most <paramref name="maxBytes"/>), or null when the channel or file is unknown or too big.</summary>
    public async Task<byte[]?> DownloadAsync(Guid workspaceId, Guid channelId, string fileId, int maxBytes, CancellationToken cancellationToken)
    {
        if (await bots.ClientAsync(workspaceId, channelId, cancellationToken) is not { } client)
        {
            return null;
        }

        var file = await client.GetFile(fileId, cancellationToken);
        if (file.FilePath is null || file.FileSize > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await client.DownloadFile(file.FilePath, buffer, cancellationToken);
        return buffer.Length > maxBytes ? null : buffer.ToArray();
    }
}
