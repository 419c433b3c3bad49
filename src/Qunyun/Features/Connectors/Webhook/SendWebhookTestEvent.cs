using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors.Webhook;

public sealed record WebhookTestResult(bool Ok, int? Status, string Detail);

/// <summary>
/// "Send a test event": signs a custom event (<c>qunyun_test</c>, from member "Qunyun test") with the channel's
/// secret and POSTs it to the channel's own inbound URL over HTTP, so it passes exactly what a gateway's request
/// passes — routing, signature, replay check, validation and the pipeline.
/// </summary>
public sealed class SendWebhookTestEvent(QunyunDbFactory factory, ChannelCredentials credentials, IHttpClientFactory clients, TimeProvider clock)
{
    public const string TestEventName = "qunyun_test";

    public async Task<WebhookTestResult?> ExecuteAsync(Guid workspaceId, Guid channelId, Uri baseUri, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId && c.Kind == ChannelKind.Webhook, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        if (credentials.Unprotect(channel.ProtectedCredentials) is not { Length: > 0 } secret)
        {
            return new WebhookTestResult(false, null, "The channel has no shared secret.");
        }

        var now = clock.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            events = new[]
            {
                new
                {
                    kind = "custom",
                    externalEventId = $"qunyun-test-{Guid.CreateVersion7(now):N}",
                    externalUserId = "qunyun-test",
                    userDisplayName = "Qunyun test",
                    occurredAt = now.UtcDateTime,
                    custom = new { name = TestEventName },
                },
            },
        });
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, $"api/v1/channels/{channelId}/webhook")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        try
        {
            using var response = await clients.CreateClient(WebhookConnector.HttpClientName).SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new WebhookTestResult(response.IsSuccessStatusCode, (int)response.StatusCode, text.Length > 500 ? text[..500] : text);
        }
        catch (HttpRequestException e)
        {
            return new WebhookTestResult(false, null, e.Message);
        }
    }

    /// <summary>A ready-to-paste shell example of a signed request (openssl computes the same HMAC as <see cref="WebhookSignature"/>).</summary>
    public static string CurlExample(string inboundUrl, string? secret)
    {
        var text = new StringBuilder();
        text.Append("SECRET='").Append(secret ?? "<the channel's secret>").Append("'\n");
        text.Append("BODY='{\"events\":[{\"kind\":\"message\",\"externalEventId\":\"msg-1\",\"externalGroupId\":\"room-1\",\"groupName\":\"Test group\",")
            .Append("\"externalUserId\":\"user-1\",\"userDisplayName\":\"Alex\",\"occurredAt\":\"'\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"'\",\"message\":{\"text\":\"Hello\"}}]}'\n");
        text.Append("TS=$(date +%s)\n");
        text.Append("SIG=$(printf '%s.%s' \"$TS\" \"$BODY\" | openssl dgst -sha256 -hmac \"$SECRET\" -r | cut -d' ' -f1)\n");
        text.Append("curl -sS -X POST '").Append(inboundUrl).Append("' \\\n");
        text.Append("  -H 'Content-Type: application/json' \\\n");
        text.Append("  -H \"").Append(WebhookSignature.TimestampHeader).Append(": $TS\" \\\n");
        text.Append("  -H \"").Append(WebhookSignature.SignatureHeader).Append(": ").Append(WebhookSignature.Prefix).Append("$SIG\" \\\n");
        text.Append("  --data-binary \"$BODY\"\n");
        return text.ToString();
    }
}
