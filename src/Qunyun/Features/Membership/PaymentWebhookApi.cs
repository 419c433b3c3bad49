using Microsoft.AspNetCore.Http.HttpResults;

namespace Qunyun.Features.PaidMemberships;

public static class PaymentWebhookApi
{
    public static string PathOf(Guid workspaceId) => $"/api/v1/payments/{workspaceId}/webhook";

    /// <summary>
    /// <c>POST /api/v1/payments/{workspaceId}/webhook</c>: no API key; authenticated by its HMAC signature. 200 with the
    /// order (also when it was already confirmed); 401 bad, stale or replayed signature; 400 names the field; 404 no such
    /// order; 409 the order was refunded or cancelled; 413 over 16 KB.
    /// </summary>
    public static RouteGroupBuilder MapPaymentWebhook(this RouteGroupBuilder api)
    {
        api.MapPost("/payments/{workspaceId:guid}/webhook", Receive).WithTags("Paid membership").AllowAnonymous().Accepts<PaymentConfirmation>("application/json");
        return api;
    }

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Receive(
        Guid workspaceId, HttpRequest request, PaymentWebhook webhook, CancellationToken cancellationToken) =>
        await webhook.ReceiveAsync(workspaceId, request, cancellationToken) switch
        {
            PaymentReceipt.Confirmed confirmed => PaidMembershipApi.Answer(confirmed.Change),
            PaymentReceipt.Invalid invalid => invalid.Errors.ToProblem(),
            PaymentReceipt.TooLarge => TypedResults.Problem(statusCode: 413, title: "Body too large", detail: $"At most {PaymentWebhook.MaxBodyBytes} bytes."),
            PaymentReceipt.Unauthorized u => TypedResults.Problem(statusCode: 401, title: "Signature refused", detail: u.Reason),
            _ => TypedResults.NotFound(),
        };
}
