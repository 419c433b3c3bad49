using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Imports.Members;

namespace Qunyun.Features.Imports;

/// <summary>Members CSV import: preview a file, then start a (dry-run) import job.</summary>
public static class MemberImportApi
{
    private const long MaxUpload = 1L * 1024 * 1024 * 1024;

    public static void MapMemberImports(this RouteGroupBuilder imports)
    {
        imports.MapPost("/members", Start).RequireAuthorization(Policies.Write).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUpload });
        imports.MapPost("/members/preview", Preview).RequireAuthorization(Policies.Write).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUpload });
    }

    /// <summary>
    /// Starts a members import from a CSV upload (multipart: <c>file</c>; optional <c>mapping</c> as JSON
    /// <c>{"姓名":"name","手机":"phone","城市":"attribute:city","微信号":"identity:&lt;channel&gt;"}</c> — without it the
    /// suggested mapping is used; <c>dryRun</c>, <c>createMissingTags</c>, <c>allOrNothing</c>, <c>encoding</c>).
    /// Answers 202 with the job; follow it at <c>GET /api/v1/imports/{id}</c>.
    /// </summary>
    private static async Task<Results<Accepted<ImportJobResponse>, ValidationProblem>> Start(
        [FromForm] IFormFile? file, [FromForm] string? mapping, [FromForm] bool? dryRun, [FromForm] bool? createMissingTags,
        [FromForm] bool? allOrNothing, [FromForm] string? encoding,
        QunyunDb db, ImportStorage storage, StartMemberImport start, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var columns = ParseMapping(mapping, errors);
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Upload the CSV file as the multipart field 'file'.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var jobId = Guid.CreateVersion7(clock.GetUtcNow());
        await using (var upload = file!.OpenReadStream())
        {
            await storage.SaveAsync(jobId, upload, cancellationToken);
        }

        var options = new MemberImportOptions
        {
            Columns = columns,
            CreateMissingTags = createMissingTags ?? false,
            AllOrNothing = allOrNothing ?? false,
            Encoding = encoding,
        };
        var (job, problems) = await start.ExecuteAsync(db, jobId, storage.PathFor(jobId), file.FileName, options, dryRun ?? false,
            user.Identity?.Name, queued: true, cancellationToken);
        if (job is null)
        {
            storage.Delete(jobId);
            return problems.ToProblem();
        }

        return TypedResults.Accepted($"/api/v1/imports/{job.Id}", ImportJobResponse.From(job));
    }

    /// <summary>The file's header, its first rows as they will be read, the detected encoding and the suggested mapping.</summary>
    private static async Task<Results<Ok<MemberImportPreview>, ValidationProblem>> Preview(
        [FromForm] IFormFile? file, [FromForm] string? encoding, QunyunDb db, CancellationToken cancellationToken)
    {
        var chosen = CsvSource.EncodingName(encoding);
        if (file is null || file.Length == 0 || chosen == "?")
        {
            return new FieldErrors().AddIf(file is null || file.Length == 0, "file", "Upload the CSV file as the multipart field 'file'.")
                .AddIf(chosen == "?", "encoding", "Use auto, utf-8 or gb18030.").ToProblem();
        }

        var temp = Path.GetTempFileName();
        try
        {
            await using var copy = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            await file.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            var preview = await PreviewMemberFile.ExecuteAsync(db, copy, chosen, cancellationToken);
            return preview is null
                ? new FieldErrors().Add("file", "The file is empty: the first row must name the columns.").ToProblem()
                : TypedResults.Ok(preview);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Dictionary<string, string>? ParseMapping(string? mapping, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(mapping))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(mapping);
        }
        catch (JsonException)
        {
            errors.Add("mapping", "The mapping must be a JSON object of column header → target, e.g. {\"姓名\":\"name\",\"城市\":\"attribute:city\"}.");
            return null;
        }
    }
}
