using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Imports;
using Qunyun.Engine.Members;
using Qunyun.Features.Events;

namespace Qunyun.Features.Imports.Members;

/// <summary>
/// Runs a members import job: streams the file, reads each row through the mapping, and matches and writes
/// <see cref="BatchSize"/> rows per transaction, saving the job's counters and errors after every batch so the console
/// and the CLI can show progress. A dry run goes through the same steps and writes nothing but the job. An
/// all-or-nothing import runs a dry pass first and writes only when it found no error.
/// </summary>
public sealed class RunMemberImport(QunyunDbFactory factory, EventProcessor writer, TimeProvider clock, ILogger<RunMemberImport> logger)
{
    public const int BatchSize = 500;

    public async Task ExecuteAsync(Guid workspaceId, Guid jobId, Func<Stream> open, IProgress<ImportJob>? progress, CancellationToken cancellationToken)
    {
        await using var jobs = factory.Create(workspaceId);
        var job = await jobs.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        try
        {
            var options = JsonSerializer.Deserialize<MemberImportOptions>(job.Options, JsonSerializerOptions.Web)!;
            var channels = await Channels(workspaceId, cancellationToken);
            await using (var stream = open())
            {
                var header = CsvSource.ReadHeader(stream, job.Encoding!) ?? [];
                var errors = new FieldErrors();
                var bindings = MemberImportMapping.Resolve(header, options.Columns ?? [], channels, errors);
                if (errors.Any)
                {
                    throw new InvalidOperationException("The mapping no longer fits the workspace (a channel was removed?).");
                }

                job.Total = await CountAsync(open, job.Encoding!, cancellationToken);
                job.StartedAt = clock.GetUtcNow().UtcDateTime;
                await FillMatchKeysAsync(workspaceId, cancellationToken);
                var dry = job.DryRun || options.AllOrNothing;
                job.Status = dry && !job.DryRun ? ImportStatus.Validating : ImportStatus.Running;
                await SaveAsync(jobs, job, progress, cancellationToken);
                await PassAsync(jobs, job, open, bindings, channels, options, write: !dry, progress, cancellationToken);
                if (options.AllOrNothing && !job.DryRun && job.ErrorRows == 0)
                {
                    (job.Processed, job.Created, job.Updated, job.Unchanged, job.TagsCreated, job.Status) = (0, 0, 0, 0, 0, ImportStatus.Running);
                    await SaveAsync(jobs, job, progress, cancellationToken);
                    await PassAsync(jobs, job, open, bindings, channels, options, write: true, progress, cancellationToken);
                }
            }

            job.Status = ImportStatus.Done;
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Import {JobId} failed", jobId);
            job.Status = ImportStatus.Failed;
            job.Failure = e is OperationCanceledException ? "The server stopped during the import; rows written so far stay. Run it again: rows already imported come out unchanged." : Truncate(e.Message, 2000);
        }

        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(jobs, job, progress, CancellationToken.None);
    }

    private async Task PassAsync(
        QunyunDb jobs, ImportJob job, Func<Stream> open, List<ColumnBinding> bindings, List<ChannelChoice> channels,
        MemberImportOptions options, bool write, IProgress<ImportJob>? progress, CancellationToken cancellationToken)
    {
        var state = new ImportState();
        var rows = new List<MemberRow>(BatchSize);
        await using var stream = open();
        await foreach (var csvRow in CsvSource.ReadRowsAsync(stream, job.Encoding!, cancellationToken))
        {
            rows.Add(MemberRow.Read(csvRow, bindings, channels));
            if (rows.Count == BatchSize)
            {
                await BatchAsync(jobs, job, rows, state, options, write, cancellationToken);
                await SaveAsync(jobs, job, progress, cancellationToken);
                rows.Clear();
            }
        }

        await BatchAsync(jobs, job, rows, state, options, write, cancellationToken);
        await SaveAsync(jobs, job, progress, cancellationToken);
    }

    private async Task BatchAsync(
        QunyunDb jobs, ImportJob job, List<MemberRow> rows, ImportState state, MemberImportOptions options, bool write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (outcomes, tagsCreated) = write
            ? await writer.ExclusiveAsync(() => WriteAsync(job.WorkspaceId, rows, state, options, now, cancellationToken), cancellationToken)
            : await PlanAsync(job.WorkspaceId, rows, state, options, now, cancellationToken);

        job.Processed += rows.Count;
        job.Created += outcomes.Count(o => o == RowOutcome.Created);
        job.Updated += outcomes.Count(o => o == RowOutcome.Updated);
        job.Unchanged += outcomes.Count(o => o == RowOutcome.Unchanged);
        job.ErrorRows += outcomes.Count(o => o == RowOutcome.Error);
        job.TagsCreated += tagsCreated;
        foreach (var problem in rows.SelectMany(r => r.Problems.Select(p => (r.Number, p))))
        {
            if (job.ErrorCount < ImportJob.MaxStoredErrors)
            {
                jobs.ImportJobErrors.Add(new ImportJobError
                {
                    JobId = job.Id,
                    Sequence = job.ErrorCount,
                    Row = problem.Number,
                    Column = Truncate(problem.p.Column, 200),
                    Code = problem.p.Code,
                    Detail = problem.p.Detail is null ? null : Truncate(problem.p.Detail, 200),
                });
            }

            job.ErrorCount++;
        }
    }

    private async Task<(List<RowOutcome>, int)> PlanAsync(
        Guid workspaceId, List<MemberRow> rows, ImportState state, MemberImportOptions options, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var batch = new ImportBatch(db, state, options, write: false, now);
        await batch.LoadAsync(rows, cancellationToken);
        var outcomes = rows.Select(batch.Apply).ToList();
        state.ForgetUnchanged();
        return (outcomes, batch.TagsCreated);
    }

    private async Task<(List<RowOutcome>, int)> WriteAsync(
        Guid workspaceId, List<MemberRow> rows, ImportState state, MemberImportOptions options, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new ImportBatch(db, state, options, write: true, now);
        await batch.LoadAsync(rows, cancellationToken);
        var outcomes = rows.Select(batch.Apply).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Something else wrote the same identity or tag between our read and our write: the batch is not written.
            await transaction.RollbackAsync(CancellationToken.None);
            var reason = Truncate(e.InnerException?.Message ?? e.Message, 200);
            for (var i = 0; i < rows.Count; i++)
            {
                if (outcomes[i] != RowOutcome.Error)
                {
                    rows[i].Problems.Add(new ImportProblem("", "WriteFailed", reason));
                    outcomes[i] = RowOutcome.Error;
                }
            }

            state.Forget();
            return (outcomes, 0);
        }

        state.Forget();
        return (outcomes, batch.TagsCreated);
    }

    private static async Task SaveAsync(QunyunDb jobs, ImportJob job, IProgress<ImportJob>? progress, CancellationToken cancellationToken)
    {
        await jobs.SaveChangesAsync(cancellationToken);
        progress?.Report(job);
    }

    private async Task<List<ChannelChoice>> Channels(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        return await db.Channels.AsNoTracking().Select(c => new ChannelChoice(c.Id, c.Kind, c.Name)).ToListAsync(cancellationToken);
    }

    private static async Task<int> CountAsync(Func<Stream> open, string encoding, CancellationToken cancellationToken)
    {
        await using var stream = open();
        var count = 0;
        await foreach (var _ in CsvSource.ReadRowsAsync(stream, encoding, cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Members whose e-mail or phone was written without its match key (before the keys existed, or by code that does
    /// not set them) get it now, so matching finds them. The keys are derived columns; no value a user sees changes.
    /// </summary>
    private async Task FillMatchKeysAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = factory.Create(workspaceId);
            var stale = await db.Members.Where(m => (m.Phone != null && m.PhoneKey == null) || (m.Email != null && m.EmailKey == null))
                .OrderBy(m => m.Id).Take(1000).ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                return;
            }

            foreach (var member in stale)
            {
                member.PhoneKey = member.Phone is null ? null : PhoneNumber.Key(member.Phone) ?? ""; // "" marks a phone that is no number
                member.EmailKey = member.Email is null ? null : ImportState.EmailKey(member.Email);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
