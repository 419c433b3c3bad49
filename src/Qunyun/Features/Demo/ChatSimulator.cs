using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Demo;

/// <summary>One action the simulator received: what the bot would have done in the chat.</summary>
public sealed record SimulatedDelivery(Guid ChannelId, string Action, string IdempotencyKey, string? Text, DateTimeOffset ReceivedAt, string PlatformRef);

/// <summary>
/// The built-in loopback chat simulator: the demo's WeCom and Discord groups sit on Webhook channels whose outbound URL
/// is this endpoint on the same server, so their actions are signed, sent and delivered like a real gateway's. It checks
/// the signature with the channel's secret (401 otherwise), answers a repeated idempotency key with the same reference,
/// and remembers the last actions it received (in memory: it stands in for a chat, not a store).
/// </summary>
public sealed class ChatSimulator(QunyunDbFactory factory, ChannelCredentials credentials, TimeProvider clock)
{
    public const string Route = "/chat-simulator";
    private const int Kept = 2000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, SimulatedDelivery> _byKey = new();
    private readonly ConcurrentQueue<SimulatedDelivery> _received = new();

    /// <summary>A path on this server: the webhook connector resolves it against the address the server listens on.</summary>
    public static string OutboundUrl(Guid channelId) => $"{Route}/{channelId}";

    public IReadOnlyList<SimulatedDelivery> Received(Guid channelId) => _received.Where(d => d.ChannelId == channelId).ToList();

    public async Task<IResult> ReceiveAsync(Guid channelId, HttpRequest request, CancellationToken cancellationToken)
    {
        Channel? channel;
        await using (var db = factory.CreateUnscoped())
        {
            channel = await db.Channels.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == channelId && c.Kind == ChannelKind.Webhook, cancellationToken);
        }

        if (channel is null || channel.OutboundUrl != OutboundUrl(channelId) || credentials.Unprotect(channel.ProtectedCredentials) is not { Length: > 0 } secret)
        {
            return TypedResults.NotFound();
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var check = WebhookSignature.Verify(secret, request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader], body, clock.GetUtcNow());
        if (!check.Valid)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused", detail: check.Reason);
        }

        var action = JsonSerializer.Deserialize<SimulatedAction>(body, Json);
        if (action is not { Action.Length: > 0, IdempotencyKey.Length: > 0 })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an action", detail: "The body must name the action and its idempotency key.");
        }

        var delivery = _byKey.GetOrAdd(action.IdempotencyKey, key =>
        {
            var text = action.Payload.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var received = new SimulatedDelivery(channelId, action.Action, key, text, clock.GetUtcNow(), $"sim-{Guid.CreateVersion7(clock.GetUtcNow()):N}");
            _received.Enqueue(received);
            while (_received.Count > Kept && _received.TryDequeue(out var old))
            {
                _byKey.TryRemove(old.IdempotencyKey, out _);
            }

            return received;
        });
        return TypedResults.Ok(new { platformRef = delivery.PlatformRef });
    }

    private sealed record SimulatedAction(string Action, string IdempotencyKey, JsonElement Payload);
}
