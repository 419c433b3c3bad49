using System.Net.Sockets;

namespace Qunyun.Features.Connectors;

/// <summary>
/// Whether a URL Qunyun will POST to answers at all: any HTTP status counts (a gateway may well refuse an unsigned
/// probe); a name that does not resolve, a refused connection or silence for <see cref="Timeout"/> does not.
/// </summary>
public sealed class OutboundUrlProbe(IHttpClientFactory clients)
{
    public const string HttpClientName = "outbound-probe";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <returns>Null when reachable, else why not.</returns>
    public async Task<string?> ProblemAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "Use an absolute http:// or https:// URL.";
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, uri);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return null;
        }
        catch (HttpRequestException e)
        {
            return e.InnerException is SocketException socket ? $"Cannot reach {uri.Authority}: {socket.Message}" : $"Cannot reach {uri.Authority}: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{uri.Authority} did not answer within {Timeout.TotalSeconds:0} s.";
        }
    }
}
