using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Imports;

namespace Qunyun.Features.Imports.Members;

/// <summary>
/// Checks a members file and its mapping, and records the job: queued for the background worker (API, console), or
/// already running for a caller that runs it itself (the CLI). Problems come back per field: <c>file</c>,
/// <c>encoding</c>, <c>mapping</c> or <c>mapping[column]</c>.
/// </summary>
public sealed class StartMemberImport(TimeProvider clock, ImportQueue queue)
{
    public async Task<(ImportJob? Job, FieldErrors Errors)> ExecuteAsync(
        QunyunDb db, Guid jobId, string path, string fileName, MemberImportOptions options, bool dryRun, string? startedBy, bool queued,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var encoding = CsvSource.EncodingName(options.Encoding);
        if (encoding == "?")
        {
            return (null, errors.Add("encoding", "Use auto, utf-8 or gb18030."));
        }

        string[]? header;
        await using (var stream = File.OpenRead(path))
        {
            encoding ??= await CsvSource.DetectEncodingAsync(stream, cancellationToken);
            stream.Position = 0;
            header = CsvSource.ReadHeader(stream, encoding);
        }

        if (header is null || header.All(h => h.Length == 0))
        {
            return (null, errors.Add("file", "The file is empty: the first row must name the columns."));
        }

        var channels = await db.Channels.AsNoTracking().Select(c => new ChannelChoice(c.Id, c.Kind, c.Name)).ToListAsync(cancellationToken);
        var columns = options.Columns ?? MemberImportMapping.Suggest(header, channels);
        var bindings = MemberImportMapping.Resolve(header, columns, channels, errors);
        if (errors.Any)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ImportJob
        {
            Id = jobId,
            Kind = ImportKind.Members,
            Status = queued ? ImportStatus.Queued : ImportStatus.Running,
            DryRun = dryRun,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : "members.csv",
            FileSize = new FileInfo(path).Length,
            Encoding = encoding,
            Options = JsonSerializer.Serialize(options with
            {
                Columns = bindings.ToDictionary(b => b.Header, b => b.Target.ToString()),
                Encoding = encoding,
            }, JsonSerializerOptions.Web),
            StartedBy = startedBy,
            CreatedAt = now,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        if (queued)
        {
            queue.Wake();
        }

        return (job, errors);
    }
}
