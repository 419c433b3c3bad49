using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Moderation;

/// <summary>
/// The console's downloads (a word list as text, a rule set as JSON): plain GETs on the sign-in cookie, since a
/// browser download cannot carry the API's bearer key. Same content as the API's export endpoints.
/// </summary>
public static class ModerationDownloads
{
    public static IEndpointRouteBuilder MapModerationDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/moderation/download").ExcludeFromDescription().RequireAuthorization(new AuthorizeAttribute { Policy = Policies.Read });
        downloads.MapGet("/wordlists/{id:guid}", (Guid id, QunyunDb db, CancellationToken cancellationToken) => WordListsApi.ExportAsync(id, db, cancellationToken));
        downloads.MapGet("/rulesets/{id:guid}", RuleSetAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RuleSetAsync(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if ((await RuleSetsApi.ExportAsync(id, db, clock, cancellationToken)).Result is not Ok<RuleSetExport> { Value: { } export })
        {
            return TypedResults.NotFound();
        }

        var name = await db.RuleSets.Where(r => r.Id == id).Select(r => r.Group == null ? RuleSet.DefaultScope : r.Group.Name).FirstAsync(cancellationToken);
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, ModerationJson.Indented);
        return TypedResults.File(bytes, "application/json", $"rules-{name}-v{export.Version}.json");
    }
}
