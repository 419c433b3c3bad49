using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Api;

/// <summary>
/// Two requests that race to create the same name both pass the "already exists?" check; the unique index
/// stops the second, which becomes a 409 instead of a 500. Other API failures become a 500 problem, never an HTML page.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is DbUpdateException update && update.IsUniqueViolation())
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: "Another request created the same thing a moment ago; reload and try again.").ExecuteAsync(http);
            return true;
        }

        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled API error on {Path}", http.Request.Path);
        await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal error",
            detail: "The request failed; it was logged with its trace id.").ExecuteAsync(http);
        return true;
    }
}
