using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Imports;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapImportJobs();
        imports.MapMemberImports();
        imports.MapPost("/telegram", ImportTelegram)
            .RequireAuthorization(Policies.Write)
            .Accepts<JsonElement>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(2L * 1024 * 1024 * 1024));
        return api;
    }

    /// <summary>
    /// Imports a Telegram Desktop export (<c>result.json</c> as the request body) into a channel's group: messages,
    /// joins and leaves become events of the pipeline. Streams the body; answers when every event is stored.
    /// </summary>
    private static async Task<Results<Accepted<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportTelegram(
        Guid channelId, HttpRequest request, QunyunDb db, ImportTelegramExport import, CancellationToken cancellationToken)
    {
        if (!await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken))
        {
            return new FieldErrors().Add("channelId", "No channel with this id in the workspace.").ToProblem();
        }

        try
        {
            return TypedResults.Accepted((string?)null, await import.ExecuteAsync(db, channelId, request.Body, null, cancellationToken));
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "Not a Telegram export", detail: e.Message);
        }
    }
}
