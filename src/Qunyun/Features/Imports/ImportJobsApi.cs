using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Imports;

/// <summary>Import jobs: the list, one job's progress and first errors, and the full error report as CSV.</summary>
public static class ImportJobsApi
{
    public const int ErrorsInline = 100;

    public static void MapImportJobs(this RouteGroupBuilder imports)
    {
        imports.MapGet("/", List);
        imports.MapGet("/{id:guid}", Get);
        imports.MapGet("/{id:guid}/errors.csv", Errors).Produces(200, contentType: "text/csv");
    }

    private static async Task<Page<ImportJobResponse>> List(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken)
    {
        var page = await paging.ApplyAsync(db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id), cancellationToken);
        return new Page<ImportJobResponse>(page.Items.Select(j => ImportJobResponse.From(j)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    private static async Task<Results<Ok<ImportJobResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var errors = await db.ImportJobErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Sequence).Take(ErrorsInline).ToListAsync(cancellationToken);
        return TypedResults.Ok(ImportJobResponse.From(job, errors));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Errors(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var errors = await db.ImportJobErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var notStored = job.ErrorCount - errors.Count;
        using var buffer = new MemoryStream();
        await ImportErrorsCsv.WriteAsync(buffer, ["row", "column", "reason"], errors, e => e.Reason,
            notStored > 0 ? $"{notStored} more errors were found but not stored (the first {ImportJob.MaxStoredErrors} are listed)." : null);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"import-{id:N}-errors.csv");
    }
}
