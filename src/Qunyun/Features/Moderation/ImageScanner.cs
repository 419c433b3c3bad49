using Microsoft.Extensions.Options;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Connectors;
using Qunyun.Features.Events;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Fetches a message's images (HTTP(S), or a file under <see cref="ModerationOptions.LocalImageRoot"/>) with a timeout
/// and a size cap, and reads the QR codes in them. The pipeline waits for it, so only rules that read QR codes call
/// it, at most <see cref="MaxImages"/> images per message; whatever goes wrong is "unreadable", never an exception.
/// </summary>
public sealed class ImageScanner(
    IHttpClientFactory http, IEnumerable<IPlatformImageSource> platforms, IOptions<ModerationOptions> options, ILogger<ImageScanner> logger)
{
    public const string HttpClientName = "moderation-images";
    public const int MaxImages = 4;

    private static readonly string[] ImageKinds = ["image", "photo", "picture"];

    public async Task<IReadOnlyList<ImageScan>> ScanAsync(Guid workspaceId, IReadOnlyList<Attachment>? attachments, CancellationToken cancellationToken)
    {
        var images = (attachments ?? []).Where(a => ImageKinds.Contains(a.Kind?.Trim().ToLowerInvariant())).Take(MaxImages).ToList();
        var scans = new List<ImageScan>(images.Count);
        foreach (var image in images)
        {
            var url = image.Url ?? "";
            var (bytes, problem) = await FetchAsync(workspaceId, url, cancellationToken);
            scans.Add(bytes is null ? new ImageScan(url, [], problem) : Decode(url, bytes));
        }

        return scans;
    }

    private ImageScan Decode(string url, byte[] bytes)
    {
        var scan = QrCodeReader.Read(bytes);
        return scan.Status == QrCodeScanStatus.Unreadable ? new ImageScan(url, [], "not a readable image") : new ImageScan(url, scan.Texts);
    }

    private async Task<(byte[]? Bytes, string? Problem)> FetchAsync(Guid workspaceId, string url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.FetchImages)
        {
            return (null, "image fetching is switched off");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return (null, "no absolute URL");
        }

        try
        {
            return uri.Scheme switch
            {
                "http" or "https" => await DownloadAsync(uri, settings, cancellationToken),
                "file" => await ReadLocalAsync(uri, settings, cancellationToken),
                _ when platforms.FirstOrDefault(p => p.Scheme == uri.Scheme) is { } platform =>
                    await platform.FetchAsync(workspaceId, uri, settings.MaxImageBytes, cancellationToken) is { } bytes
                        ? (bytes, null) : (null, $"the platform has no such file (or it is larger than {settings.MaxImageBytes} bytes)"),
                _ => (null, $"unsupported URL scheme '{uri.Scheme}'"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {settings.ImageTimeoutSeconds} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException)
        {
            logger.LogInformation("Image {Url} could not be fetched: {Error}", url, e.Message);
            return (null, e.Message.Length > 200 ? e.Message[..200] : e.Message);
        }
    }

    private async Task<(byte[]?, string?)> DownloadAsync(Uri uri, ModerationOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ImageTimeoutSeconds));
        using var response = await http.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"HTTP {(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentLength > settings.MaxImageBytes)
        {
            return (null, $"larger than {settings.MaxImageBytes} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        return await ReadCappedAsync(stream, settings.MaxImageBytes, timeout.Token);
    }

    private static async Task<(byte[]?, string?)> ReadLocalAsync(Uri uri, ModerationOptions settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.LocalImageRoot))
        {
            return (null, "local files are not allowed (Moderation:LocalImageRoot is not set)");
        }

        var root = Path.GetFullPath(settings.LocalImageRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(uri.LocalPath);
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            return (null, "the file is outside Moderation:LocalImageRoot");
        }

        if (!File.Exists(path))
        {
            return (null, "no such file");
        }

        await using var stream = File.OpenRead(path);
        return await ReadCappedAsync(stream, settings.MaxImageBytes, cancellationToken);
    }

    private static async Task<(byte[]?, string?)> ReadCappedAsync(Stream stream, int cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await stream.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > cap)
            {
                return (null, $"larger than {cap} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }
}
