using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Segments;
using Qunyun.Features.Members;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Segments;

/// <summary>
/// A segment's members as CSV, streamed in batches (bounded memory at any size): UTF-8 with a byte-order mark so Excel
/// opens Chinese correctly, RFC 4180 quoting, times in the workspace's zone, one column per custom attribute key.
/// </summary>
public sealed class SegmentExport(SegmentEvaluator segments, QunyunDbFactory factory)
{
    private const int BatchSize = 500;
    private static readonly string[] Fixed = ["id", "name", "email", "phone", "joined", "last_active", "activity_score", "tags"];

    /// <summary>The download response; it opens its own contexts, which live as long as the stream, not the request's scope.</summary>
    public PushStreamHttpResult Result(Guid workspaceId, Segment segment, CancellationToken cancellationToken) =>
        TypedResults.Stream(async stream =>
            {
                await using var db = factory.Create(workspaceId);
                await WriteAsync(db, SegmentJson.Deserialize(segment.Definition), stream, cancellationToken);
            },
            "text/csv; charset=utf-8", $"{segment.Name}.csv");

    public async Task WriteAsync(QunyunDb db, SegmentNode definition, Stream output, CancellationToken cancellationToken)
    {
        var now = segments.Now;
        var members = segments.Members(db, definition, now);
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));
        var keys = await db.MemberAttributes.Where(a => members.Select(m => m.Id).Contains(a.MemberId))
            .Select(a => a.Key).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);

        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16);
        await WriteRowAsync(writer, [.. Fixed, .. keys]);
        await using var lookup = factory.Create(db.WorkspaceId);
        var batch = new List<ExportRow>(BatchSize);
        var rows = members.Sort(MemberSort.Name)
            .Select(m => new ExportRow(m.Id, m.DisplayName, m.Email, m.Phone, m.CreatedAt, m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                await WriteBatchAsync(writer, lookup, batch, keys, zone, now, cancellationToken);
                batch.Clear();
            }
        }

        await WriteBatchAsync(writer, lookup, batch, keys, zone, now, cancellationToken);
    }

    private async Task WriteBatchAsync(
        StreamWriter writer, QunyunDb lookup, List<ExportRow> batch, List<string> keys, TimeZoneInfo zone, DateTime now, CancellationToken cancellationToken)
    {
        var ids = batch.Select(r => r.Id).ToList();
        var tags = (await lookup.MemberTags.Where(t => ids.Contains(t.MemberId)).Select(t => new { t.MemberId, t.Tag!.Name }).ToListAsync(cancellationToken))
            .ToLookup(t => t.MemberId, t => t.Name);
        var attributes = (await lookup.MemberAttributes.Where(a => ids.Contains(a.MemberId)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.MemberId, a.Key), a => a.Value);
        foreach (var row in batch)
        {
            await WriteRowAsync(writer,
            [
                row.Id.ToString(), row.Name, row.Email, row.Phone, Local(row.CreatedAt, zone), Local(row.LastActiveAt, zone),
                segments.DecayedScore(row.Score, row.ScoreAt, now).ToString("0.##", CultureInfo.InvariantCulture),
                string.Join("; ", tags[row.Id].Order(StringComparer.Ordinal)),
                .. keys.Select(k => attributes.GetValueOrDefault((row.Id, k))),
            ]);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string? Local(DateTime? at, TimeZoneInfo zone) =>
        at is { } utc ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;

    private static async Task WriteRowAsync(StreamWriter writer, IEnumerable<string?> fields)
    {
        await writer.WriteAsync(string.Join(',', fields.Select(CsvField.Escape)));
        await writer.WriteAsync("\r\n");
    }

    private sealed record ExportRow(Guid Id, string Name, string? Email, string? Phone, DateTime CreatedAt, DateTime? LastActiveAt, double Score, DateTime? ScoreAt);
}

/// <summary>One CSV cell: RFC 4180 quoting, and text that a spreadsheet would run as a formula is prefixed with '.</summary>
public static class CsvField
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Member names come from chat platforms: "=HYPERLINK(…)" must stay text in the operator's spreadsheet (OWASP CSV injection).
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
