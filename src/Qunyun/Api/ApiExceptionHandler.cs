using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Api;

/// <summary>
/// Two requests that race to create the same name both pass the "already exists?" check; the unique index
/// stops the second, which becomes a 409 instead of a 500. A request the server cannot read (malformed JSON, an
/// unbindable query value, a body over the size limit) keeps its own 4xx status, as a problem. Other API failures
/// become a 500 problem, never an HTML page.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is DbUpdateException update && update.IsUniqueViolation())
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: "Another request created the same thing a moment ago; reload and try again.").ExecuteAsync(http);
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            // Only the console's form posts get here off /api (binding throws so that the API can name the field); they keep the bare status.
            http.Response.StatusCode = bad.StatusCode;
            if (IsApi(http))
            {
                await Refusal(bad).ExecuteAsync(http);
            }

            return true;
        }

        if (!IsApi(http))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled API error on {Path}", http.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal error",
            detail: "The request failed; it was logged with its trace id.").ExecuteAsync(http);
        return true;
    }

    /// <summary>The middleware has already pointed Request.Path at the error page; the feature keeps the path that failed.</summary>
    private static bool IsApi(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value)?.StartsWith("/api/", StringComparison.Ordinal) == true;

    /// <summary>A 400 names the field (the body's JSON path, or the query/route parameter); other statuses (413, 415) say why.</summary>
    private static IResult Refusal(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // Keyed like the built-in validation's errors ("Identities[0].ChannelId"), so a client finds a field under one name.
            var path = JsonErrors.FieldOf(json);
            var field = path == "body" ? path : MemberStart().Replace(path, m => m.Value.ToUpperInvariant());
            return new FieldErrors().Add(field, JsonErrors.MessageOf(json)).ToProblem();
        }

        if (bad.StatusCode == StatusCodes.Status400BadRequest && QuotedParameter().Match(bad.Message) is { Success: true } parameter)
        {
            return new FieldErrors().Add(parameter.Groups["name"].Value, bad.Message).ToProblem();
        }

        return TypedResults.Problem(statusCode: bad.StatusCode, detail: bad.Message);
    }

    /// <summary>The first letter of each member in a JSON path ("identities[0].channelId").</summary>
    [GeneratedRegex(@"(?<=^|\.)[a-z]")]
    private static partial Regex MemberStart();

    /// <summary>The parameter in ASP.NET Core's binding messages: Failed to bind parameter "int? page" from "x".</summary>
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex QuotedParameter();
}
