using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Events;

public static class EventsApi
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapPost("/events", Ingest)
            .WithTags("Events")
            .RequireAuthorization(Policies.Write)
            .Accepts<IngestRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(16 * 1024 * 1024));
        return api.MapMemberTimeline();
    }

    /// <summary>
    /// Stores up to 1,000 events. Answers 202 once the valid, new ones are committed; invalid events are reported by
    /// index and field, repeats of (channel, external event id) as duplicates.
    /// </summary>
    private static async Task<Results<Accepted<IngestResponse>, ProblemHttpResult>> Ingest(
        HttpRequest request, QunyunDb db, IngestEvents ingest, CancellationToken cancellationToken)
    {
        IngestRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<IngestRequest>(request.Body, RequestJson, cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed JSON",
                detail: $"{JsonErrors.MessageOf(e)} At {e.Path ?? "$"}, line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.");
        }

        if (body?.Events is not { Count: > 0 } events)
        {
            return TypedResults.Problem(statusCode: 400, title: "No events", detail: "Send {\"events\": [ … ]} with 1 to 1,000 events.");
        }

        if (events.Count > IngestEvents.MaxBatch)
        {
            return TypedResults.Problem(statusCode: 413, title: "Batch too large",
                detail: $"{events.Count} events; send at most {IngestEvents.MaxBatch} per request.");
        }

        var result = await ingest.ExecuteAsync(db, events, cancellationToken);
        return TypedResults.Accepted((string?)null, result);
    }
}
