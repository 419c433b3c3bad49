using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;

namespace Qunyun.Features.Connectors.Webhook;

/// <summary>What happened to a signed inbound request; <see cref="Stored"/> only when its events were committed.</summary>
public abstract record WebhookReceipt
{
    private WebhookReceipt()
    {
    }

    public sealed record Stored(IngestResponse Result) : WebhookReceipt;

    public sealed record NoSuchChannel : WebhookReceipt;

    public sealed record Unauthorized(string Reason) : WebhookReceipt;

    public sealed record TooLarge(string Reason) : WebhookReceipt;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : WebhookReceipt;

    public sealed record Disabled : WebhookReceipt;
}

/// <summary>
/// The signed webhook bridge, inbound: checks size, signature, timestamp and replay, then every event, and only then
/// stores the batch (all or nothing) through <see cref="ConnectorInbound"/>. Events may leave out channelId (it is the
/// path's channel); any other channel is refused.
/// </summary>
public sealed class WebhookInbound(QunyunDbFactory factory, ChannelCredentials credentials, ChannelStateStore states, ConnectorInbound inbound, TimeProvider clock)
{
    public const int MaxBodyBytes = 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WebhookReceipt> ReceiveAsync(Guid channelId, HttpRequest request, CancellationToken cancellationToken)
    {
        // Unsigned requests learn nothing, not even whether the channel exists.
        if (string.IsNullOrWhiteSpace(request.Headers[WebhookSignature.TimestampHeader]) || string.IsNullOrWhiteSpace(request.Headers[WebhookSignature.SignatureHeader]))
        {
            return new WebhookReceipt.Unauthorized($"Sign the request: {WebhookSignature.TimestampHeader} and {WebhookSignature.SignatureHeader} headers (see docs/connectors/webhook.md).");
        }

        Channel? channel;
        await using (var db = factory.CreateUnscoped())
        {
            channel = await db.Channels.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == channelId && c.Kind == ChannelKind.Webhook, cancellationToken);
        }

        if (channel is null)
        {
            return new WebhookReceipt.NoSuchChannel();
        }

        if (request.ContentLength > MaxBodyBytes || await CappedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return new WebhookReceipt.TooLarge($"The body is larger than {MaxBodyBytes} bytes; send fewer events per request.");
        }

        if (channel.DisabledAt is not null)
        {
            return new WebhookReceipt.Disabled();
        }

        if (credentials.Unprotect(channel.ProtectedCredentials) is not { Length: > 0 } secret)
        {
            return new WebhookReceipt.Unauthorized("The channel has no shared secret; set one in Qunyun first.");
        }

        var now = clock.GetUtcNow();
        var check = WebhookSignature.Verify(secret, request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader], body, now);
        if (!check.Valid)
        {
            return new WebhookReceipt.Unauthorized(check.Reason!);
        }

        if (Read(body, channel) is { } errors)
        {
            return new WebhookReceipt.Invalid(errors.ToDictionary());
        }

        var events = JsonSerializer.Deserialize<IngestRequest>(body, Json)!.Events!
            .Select(e => e with { ChannelId = channel.Id }).ToList();
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString().Trim().ToLowerInvariant();
        if (!await states.TryUseNonceAsync(channel.WorkspaceId, channel.Id, signature, 2 * WebhookSignature.ReplayWindow, cancellationToken))
        {
            return new WebhookReceipt.Unauthorized("This signed request was already received (replay).");
        }

        var stored = await inbound.AcceptAsync(channel.WorkspaceId, events, cancellationToken);
        await states.RecordContactAsync(channel.WorkspaceId, channel.Id, cancellationToken);
        return new WebhookReceipt.Stored(stored);
    }

    /// <summary>Field errors of the body, or null when every event is valid.</summary>
    private static Api.FieldErrors? Read(byte[] body, Channel channel)
    {
        var errors = new Api.FieldErrors();
        IngestRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<IngestRequest>(body, Json);
        }
        catch (JsonException e)
        {
            return errors.Add(Api.JsonErrors.FieldOf(e), $"Malformed JSON: {Api.JsonErrors.MessageOf(e)}");
        }

        if (parsed?.Events is not { Count: > 0 } events)
        {
            return errors.Add("events", "Send {\"events\": [ … ]} with 1 to 1,000 events.");
        }

        if (events.Count > IngestEvents.MaxBatch)
        {
            return errors.Add("events", $"At most {IngestEvents.MaxBatch} events per request.");
        }

        var own = new HashSet<Guid> { channel.Id };
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                errors.Add($"events[{i}]", "An event must be an object.");
                continue;
            }

            if (events[i].ChannelId is { } given && given != channel.Id)
            {
                errors.Add($"events[{i}].channelId", "Leave it out or use this webhook's channel.");
            }

            foreach (var problem in IngestValidation.Check(i, events[i] with { ChannelId = channel.Id }, own))
            {
                errors.Add($"events[{i}].{problem.Field}", problem.Message);
            }
        }

        return errors.Any ? errors : null;
    }
}
