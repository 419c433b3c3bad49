using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors.Webhook;

/// <summary>The JSON a bridge receives for one action (see docs/connectors/webhook.md).</summary>
public sealed record WebhookAction(Guid Id, string IdempotencyKey, string Action, Guid ChannelId, Guid? GroupId, JsonObject Payload, DateTime CreatedAt);

/// <summary>
/// The signed webhook bridge, outbound: POSTs each action to the channel's URL, signed with its shared secret.
/// 2xx delivered (an optional <c>{"platformRef": "…"}</c> is kept), 429 waits for Retry-After, 501 unsupported,
/// 5xx / timeout / network transient, other 4xx permanent.
/// </summary>
public sealed class WebhookConnector(IHttpClientFactory clients, ChannelCredentials credentials, ChannelStateStore states, TimeProvider clock) : IConnector
{
    public const string HttpClientName = "webhook";
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ChannelKind Kind => ChannelKind.Webhook;

    public ConnectorCapabilities Capabilities => ConnectorCapabilities.All;

    public string? InboundPath(Guid channelId) => $"/api/v1/channels/{channelId}/webhook";

    public async Task<DeliveryOutcome> ExecuteAsync(
        ChannelSnapshot channel, ConnectorAction action, ActionDelivery delivery, CancellationToken cancellationToken)
    {
        if (channel.OutboundUrl is not { } url)
        {
            return new DeliveryOutcome.TransientFailure(DeliveryReasons.Of(DeliveryReasons.NoOutboundUrl, channel.Name));
        }

        if (credentials.Unprotect(channel.ProtectedCredentials) is not { Length: > 0 } secret)
        {
            return new DeliveryOutcome.TransientFailure(DeliveryReasons.Of(DeliveryReasons.NoSecret, channel.Name));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookAction(
            delivery.Id, delivery.IdempotencyKey, action.Name, channel.Id, delivery.GroupId, ConnectorActionWriter.Payload(action), delivery.CreatedAt), Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.IdempotencyHeader, delivery.IdempotencyKey);

        var outcome = await SendAsync(request, cancellationToken);
        var failure = outcome switch
        {
            DeliveryOutcome.TransientFailure transient => transient.Reason,
            DeliveryOutcome.PermanentFailure permanent => permanent.Reason,
            _ => null,
        };
        if (failure is { } reason)
        {
            // The console's health reads this: "failing since … (reason)" until the bridge is heard from again.
            await states.RecordErrorAsync(channel.WorkspaceId, channel.Id, reason.Store(), unhealthy: false, cancellationToken);
        }

        return outcome;
    }

    private async Task<DeliveryOutcome> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return await OutcomeOf(response, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome.TransientFailure(DeliveryReasons.Of(DeliveryReasons.Network, e.Message));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.TransientFailure(DeliveryReasons.Of(DeliveryReasons.Timeout));
        }
    }

    private async Task<DeliveryOutcome> OutcomeOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var reason = DeliveryReasons.HttpAnswer(status, text);
        return status switch
        {
            >= 200 and < 300 => new DeliveryOutcome.Delivered(PlatformRefOf(text)),
            (int)HttpStatusCode.TooManyRequests => new DeliveryOutcome.RetryAfter(RetryAfterOf(response) ?? DefaultRetryAfter, reason),
            (int)HttpStatusCode.NotImplemented => new DeliveryOutcome.Unsupported(reason),
            (int)HttpStatusCode.RequestTimeout or >= 500 => new DeliveryOutcome.TransientFailure(reason),
            _ => new DeliveryOutcome.PermanentFailure(reason),
        };
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string? PlatformRefOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("platformRef", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
