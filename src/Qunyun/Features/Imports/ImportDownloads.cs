using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qunyun.Data;
using Qunyun.Localization;

namespace Qunyun.Features.Imports;

/// <summary>The console's download of an import's error report, in the reader's language (the API's is in English).</summary>
public static class ImportDownloads
{
    public static void MapImportDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/imports/{id:guid}/errors.csv", Download).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> Download(Guid id, ClaimsPrincipal user, QunyunDbFactory factory, IStringLocalizer<Strings> text, HttpResponse response)
    {
        await using var db = factory.Create(user.WorkspaceId());
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
        if (job is null)
        {
            return Results.NotFound();
        }

        var errors = await db.ImportJobErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Sequence).ToListAsync();
        var notStored = job.ErrorCount - errors.Count;
        using var buffer = new MemoryStream();
        await ImportErrorsCsv.WriteAsync(buffer, [text["Imports.Row"], text["Imports.Column"], text["Imports.Reason"]], errors,
            e => text[$"ImportError.{e.Code}", e.Detail ?? ""], notStored > 0 ? string.Format(text["Imports.MoreErrors"], notStored) : null);
        var name = Path.GetFileNameWithoutExtension(job.FileName);
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{name}-errors.csv");
    }
}
