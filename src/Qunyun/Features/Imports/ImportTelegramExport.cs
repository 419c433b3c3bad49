using System.Text.Json;
using Qunyun.Data;
using Qunyun.Features.Events;

namespace Qunyun.Features.Imports;

public sealed record ImportReport(string ChatId, string? ChatName, int Messages, int Events, int Accepted, int Duplicates, int Rejected);

/// <summary>
/// Imports a Telegram Desktop chat export through the same ingest path as live events, in batches, streaming the
/// file: a 100 MB export never sits in memory. Importing the same export again stores nothing new. The events are
/// historical: recorded like live ones, but the bot and moderation do nothing about them on the platform.
/// </summary>
public sealed class ImportTelegramExport(IngestEvents ingest)
{
    public async Task<ImportReport> ExecuteAsync(QunyunDb db, Guid channelId, Stream export, IProgress<ImportReport>? progress, CancellationToken cancellationToken)
    {
        var header = new JsonArrayStream.Header();
        TelegramExportMapping? mapping = null;
        var report = new ImportReport("", null, 0, 0, 0, 0, 0);
        var batch = new List<IngestEvent>(IngestEvents.MaxBatch);
        await foreach (var message in JsonArrayStream.ReadAsync(export, "messages", header, cancellationToken))
        {
            if (mapping is null)
            {
                var chatId = header.Properties.TryGetValue("id", out var id) ? id.GetRawText().Trim('"') : throw new JsonException("The export has no chat 'id'.");
                var chatName = header.Properties.TryGetValue("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
                mapping = new TelegramExportMapping(channelId, chatId, chatName);
                report = report with { ChatId = chatId, ChatName = chatName };
            }

            report = report with { Messages = report.Messages + 1 };
            batch.AddRange(mapping.Map(message));
            if (batch.Count >= IngestEvents.MaxBatch - 50)
            {
                report = await FlushAsync(db, batch, report, cancellationToken);
                progress?.Report(report);
            }
        }

        batch.AddRange(mapping?.Unresolved() ?? []);
        foreach (var chunk in batch.Chunk(IngestEvents.MaxBatch).ToList())
        {
            report = await FlushAsync(db, [.. chunk], report, cancellationToken);
        }

        return report;
    }

    private async Task<ImportReport> FlushAsync(QunyunDb db, List<IngestEvent> batch, ImportReport report, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return report;
        }

        var result = await ingest.ExecuteAsync(db, batch, historical: true, cancellationToken);
        var rejected = result.Errors.Select(e => e.Index).Distinct().Count();
        var updated = report with
        {
            Events = report.Events + batch.Count,
            Accepted = report.Accepted + result.Accepted,
            Duplicates = report.Duplicates + result.Duplicates.Count,
            Rejected = report.Rejected + rejected,
        };
        batch.Clear();
        return updated;
    }
}
