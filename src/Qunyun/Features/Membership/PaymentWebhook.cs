using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.PaidMemberships;

/// <summary>What happened to a signed payment confirmation.</summary>
public abstract record PaymentReceipt
{
    private PaymentReceipt()
    {
    }

    public sealed record Confirmed(OrderChange Change) : PaymentReceipt;

    public sealed record Unauthorized(string Reason) : PaymentReceipt;

    public sealed record Invalid(FieldErrors Errors) : PaymentReceipt;

    public sealed record TooLarge : PaymentReceipt;
}

/// <summary>
/// A payment provider's (or a payment gateway's) signed confirmation of an order: the same signature as the webhook
/// bridge (<see cref="WebhookSignature"/>: HMAC-SHA256 over timestamp + "." + body with the workspace's secret, a
/// timestamp within five minutes), each signature accepted once (replay), and the confirmation itself idempotent —
/// a provider that sends the same payment twice gets one membership.
/// </summary>
public sealed class PaymentWebhook(QunyunDbFactory factory, PaymentWebhookSecrets secrets, ConfirmOrder confirm, TimeProvider clock)
{
    public const int MaxBodyBytes = 16 * 1024;
    public const string Actor = "payment webhook";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PaymentReceipt> ReceiveAsync(Guid workspaceId, HttpRequest request, CancellationToken cancellationToken)
    {
        // The size first, as every endpoint does: an oversized body is 413 whoever sends it.
        if (request.ContentLength > MaxBodyBytes || await ReadCappedAsync(request.Body, cancellationToken) is not { } body)
        {
            return new PaymentReceipt.TooLarge();
        }

        var timestamp = request.Headers[WebhookSignature.TimestampHeader].ToString();
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString();
        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return new PaymentReceipt.Unauthorized($"Sign the request: {WebhookSignature.TimestampHeader} and {WebhookSignature.SignatureHeader} headers.");
        }

        await using var db = factory.Create(workspaceId);
        // An unknown workspace and one without a secret answer alike: the caller learns nothing.
        if (await secrets.ReadAsync(db, cancellationToken) is not { } secret)
        {
            return new PaymentReceipt.Unauthorized("No payment webhook secret is set for this workspace.");
        }

        var now = clock.GetUtcNow();
        var check = WebhookSignature.Verify(secret, timestamp, signature, body, now);
        if (!check.Valid)
        {
            return new PaymentReceipt.Unauthorized(check.Reason!);
        }

        if (Read(body) is not { } payment)
        {
            return new PaymentReceipt.Invalid(new FieldErrors().Add("body", "Send {\"orderId\": \"…\", \"reference\": \"…\", \"amount\": 99.00, \"currency\": \"CNY\"}."));
        }

        if (payment.OrderId is not { } orderId)
        {
            return new PaymentReceipt.Invalid(new FieldErrors().Add("orderId", "The order the payment is for."));
        }

        if (!await TryUseSignatureAsync(db, signature.Trim().ToLowerInvariant(), now.UtcDateTime, cancellationToken))
        {
            return new PaymentReceipt.Unauthorized("This signed request was already received (replay).");
        }

        var order = await db.PlanOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new PaymentReceipt.Confirmed(new OrderChange.NotFound());
        }

        var errors = new FieldErrors()
            .AddIf(payment.Amount is { } amount && amount != order.Price, "amount", $"The order costs {order.Price} {order.Currency}.")
            .AddIf(payment.Currency is { } currency && !string.Equals(currency, order.Currency, StringComparison.OrdinalIgnoreCase), "currency", $"The order is in {order.Currency}.");
        return errors.Any
            ? new PaymentReceipt.Invalid(errors)
            : new PaymentReceipt.Confirmed(await confirm.ExecuteAsync(db, orderId, payment.Reference, Actor, cancellationToken));
    }

    private static PaymentConfirmation? Read(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PaymentConfirmation>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Records the signature; false when it was seen before. Signatures older than twice the window are pruned (their timestamps are stale anyway).</summary>
    private static async Task<bool> TryUseSignatureAsync(QunyunDb db, string signature, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var expired = nowUtc - 2 * WebhookSignature.ReplayWindow;
        await db.PaymentWebhookNonces.Where(n => n.SeenAt < expired).ExecuteDeleteAsync(cancellationToken);
        db.PaymentWebhookNonces.Add(new PaymentWebhookNonce { Signature = signature, SeenAt = nowUtc });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
