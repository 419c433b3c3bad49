using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Imports;
using Qunyun.Features.Imports.Members;

namespace Qunyun.Cli;

/// <summary>
/// <c>import members --workspace main --file members.csv [--map "姓名=name,手机=phone,城市=attribute:city,微信号=identity:&lt;channel&gt;"] [--dry-run]</c>:
/// progress lines on stderr, the report (counts, then every stored error) on stdout. Exit code 0 when every row went
/// in, 2 when some rows had errors, 1 when the import could not run.
/// </summary>
internal static class MemberImportCommand
{
    private const int ProgressEvery = 10 * RunMemberImport.BatchSize;

    public static Command Create(string[] configuration, QunyunCli.HostBuilder build)
    {
        var workspace = QunyunCli.WorkspaceOption();
        var file = new Option<FileInfo>("--file") { Description = "The CSV file (UTF-8 or GB18030/GBK; comma, semicolon or tab).", Required = true };
        file.AcceptExistingOnly();
        var map = new Option<string?>("--map") { Description = "column=target pairs, comma-separated; without it the suggested mapping is used." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and count everything, write nothing." };
        var createTags = new Option<bool>("--create-tags") { Description = "Create tags the file names that do not exist yet." };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing unless every row is valid." };
        var encoding = new Option<string?>("--encoding") { Description = "auto (default), utf-8 or gb18030." };
        var members = new Command("members", "Import members from a CSV file: create new ones, update those that match by identity, e-mail or phone.")
        {
            workspace, file, map, dryRun, createTags, allOrNothing, encoding,
        };
        members.SetAction(parse => QunyunCli.Guarded(async () =>
        {
            await using var app = build(configuration, QunyunCli.OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var workspaceId = await QunyunCli.FindWorkspaceAsync(services, parse.GetRequiredValue(workspace));
            await using var db = services.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
            var path = parse.GetRequiredValue(file).FullName;
            var options = new MemberImportOptions
            {
                Columns = ParseMap(parse.GetValue(map)),
                CreateMissingTags = parse.GetValue(createTags),
                AllOrNothing = parse.GetValue(allOrNothing),
                Encoding = parse.GetValue(encoding),
            };
            var jobId = Guid.CreateVersion7(services.GetRequiredService<TimeProvider>().GetUtcNow());
            var (job, errors) = await services.GetRequiredService<StartMemberImport>().ExecuteAsync(
                db, jobId, path, Path.GetFileName(path), options, parse.GetValue(dryRun), "cli", queued: false, CancellationToken.None);
            if (job is null)
            {
                throw new StartupException(string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

            foreach (var (column, target) in ImportJobResponse.From(job).Options.Columns!)
            {
                Console.Error.WriteLine($"  {column} → {target}");
            }

            await services.GetRequiredService<RunMemberImport>().ExecuteAsync(
                workspaceId, jobId, () => File.OpenRead(path), new ProgressLines(), CancellationToken.None);
            return await ReportAsync(db, jobId);
        }));
        return members;
    }

    private static Dictionary<string, string>? ParseMap(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var columns = new Dictionary<string, string>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new StartupException($"--map: '{pair}' is not column=target.");
            }

            columns[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return columns;
    }

    private static async Task<int> ReportAsync(QunyunDb db, Guid jobId)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        if (job.Status == ImportStatus.Failed)
        {
            throw new StartupException($"The import failed: {job.Failure}");
        }

        var allOrNothing = ImportJobResponse.From(job).Options.AllOrNothing;
        var written = job.DryRun ? "Dry run, nothing written: " : allOrNothing && job.ErrorRows > 0 ? "All-or-nothing, nothing written: " : "";
        Console.WriteLine($"{written}{job.FileName}: {job.Processed:N0} rows → {job.Created:N0} created, {job.Updated:N0} updated, " +
            $"{job.Unchanged:N0} unchanged, {job.ErrorRows:N0} with errors; {job.TagsCreated:N0} new tags.");
        var errors = await db.ImportJobErrors.AsNoTracking().Where(e => e.JobId == jobId).OrderBy(e => e.Sequence).ToListAsync();
        foreach (var error in errors)
        {
            Console.WriteLine($"row {error.Row}\t{(error.Column.Length > 0 ? error.Column : "-")}\t{error.Reason}");
        }

        if (job.ErrorCount > errors.Count)
        {
            Console.WriteLine($"… and {job.ErrorCount - errors.Count:N0} more errors (only the first {ImportJob.MaxStoredErrors:N0} are kept).");
        }

        return job.ErrorRows == 0 ? 0 : 2;
    }

    /// <summary>Prints as it is told (Progress&lt;T&gt; would post to the thread pool and print after the report).</summary>
    private sealed class ProgressLines : IProgress<ImportJob>
    {
        private int _printed = -1;

        public void Report(ImportJob job)
        {
            if (job.Processed == _printed || (job.Processed - _printed < ProgressEvery && job.Processed != job.Total))
            {
                return;
            }

            _printed = job.Processed;
            var phase = job.Status == ImportStatus.Validating ? "checking" : job.DryRun ? "dry run" : "importing";
            Console.Error.WriteLine($"… {phase}: {job.Processed:N0} / {job.Total:N0} rows — {job.Created:N0} created, {job.Updated:N0} updated, " +
                $"{job.Unchanged:N0} unchanged, {job.ErrorRows:N0} with errors");
        }
    }
}
