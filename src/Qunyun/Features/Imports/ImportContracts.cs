using Qunyun.Features.Imports.Members;

namespace Qunyun.Features.Imports;

public sealed record ImportErrorResponse(int Row, string Column, string Code, string? Detail, string Reason);

public sealed record ImportJobResponse(
    Guid Id,
    ImportKind Kind,
    ImportStatus Status,
    bool DryRun,
    string FileName,
    long FileSize,
    string? Encoding,
    int? Total,
    int Processed,
    int Created,
    int Updated,
    int Unchanged,
    int ErrorRows,
    int ErrorCount,
    int ErrorsNotStored,
    int TagsCreated,
    string? Failure,
    string? StartedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    MemberImportOptions Options,
    IReadOnlyList<ImportErrorResponse>? FirstErrors)
{
    public static ImportJobResponse From(ImportJob job, IReadOnlyList<ImportJobError>? firstErrors = null) => new(
        job.Id, job.Kind, job.Status, job.DryRun, job.FileName, job.FileSize, job.Encoding, job.Total, job.Processed,
        job.Created, job.Updated, job.Unchanged, job.ErrorRows, job.ErrorCount, Math.Max(0, job.ErrorCount - ImportJob.MaxStoredErrors),
        job.TagsCreated, job.Failure, job.StartedBy, job.CreatedAt, job.StartedAt, job.FinishedAt,
        System.Text.Json.JsonSerializer.Deserialize<MemberImportOptions>(job.Options, System.Text.Json.JsonSerializerOptions.Web)!,
        firstErrors?.Select(e => new ImportErrorResponse(e.Row, e.Column, e.Code, e.Detail, e.Reason)).ToList());
}

/// <summary>The first rows of a file as they will be read, with the mapping Qunyun suggests for its header.</summary>
public sealed record MemberImportPreview(string Encoding, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, IReadOnlyDictionary<string, string> Suggested);
