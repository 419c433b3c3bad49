using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Qunyun.Features.Connectors.Webhook;

public static class WebhookApi
{
    /// <summary>
    /// <c>POST /api/v1/channels/{id}/webhook</c>: no API key; the request is authenticated by its HMAC signature
    /// (see docs/connectors/webhook.md). 202 once stored; 401 bad/stale/replayed signature; 403 channel disabled; 400 names the field; 413 over 1 MB.
    /// </summary>
    public static RouteGroupBuilder MapWebhookBridge(this RouteGroupBuilder api)
    {
        api.MapPost("/channels/{id:guid}/webhook", Receive)
            .WithTags("Channels")
            .AllowAnonymous()
            .Accepts<Events.IngestRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(2 * WebhookInbound.MaxBodyBytes));
        return api;
    }

    private static async Task<Results<Accepted<Events.IngestResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Receive(
        Guid id, HttpRequest request, WebhookInbound inbound, CancellationToken cancellationToken) =>
        await inbound.ReceiveAsync(id, request, cancellationToken) switch
        {
            WebhookReceipt.Stored stored => TypedResults.Accepted((string?)null, stored.Result),
            WebhookReceipt.Unauthorized u => TypedResults.Problem(statusCode: 401, title: "Signature refused", detail: u.Reason),
            WebhookReceipt.TooLarge t => TypedResults.Problem(statusCode: 413, title: "Body too large", detail: t.Reason),
            WebhookReceipt.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            WebhookReceipt.Disabled => TypedResults.Problem(statusCode: 403, title: "Channel disabled", detail: "Staff switched this channel off in Qunyun; nothing is received."),
            _ => TypedResults.NotFound(),
        };
}
