using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;

namespace Qunyun.Features.Events;

/// <summary>
/// Stores a batch durably and idempotently: valid, new events are inserted together with their pending markers in
/// one transaction; repeats of (channel, external event id) — earlier or within the batch — are reported, not stored
/// (the unique index decides, so concurrent batches cannot both store an event). Returns only after the commit,
/// then wakes the pipeline.
/// </summary>
public sealed class IngestEvents(TimeProvider clock, PipelineSignal signal)
{
    public const int MaxBatch = 1000;
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<IngestResponse> ExecuteAsync(QunyunDb db, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        var channels = (await db.Channels.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var errors = new List<IngestError>();
        var valid = new List<(int Index, IngestEvent Event)>();
        for (var index = 0; index < events.Count; index++)
        {
            var problems = IngestValidation.Check(index, events[index], channels);
            errors.AddRange(problems);
            if (problems.Count == 0)
            {
                valid.Add((index, events[index]));
            }
        }

        var (accepted, duplicates, skewed) = await StoreAsync(db, valid, cancellationToken);
        signal.Wake();
        return new IngestResponse(accepted, duplicates, errors, skewed);
    }

    private async Task<(int Accepted, List<int> Duplicates, List<int> Skewed)> StoreAsync(
        QunyunDb db, List<(int Index, IngestEvent Event)> valid, CancellationToken cancellationToken)
    {
        var mark = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var rows = new List<(int Index, Event Row)>();
        var seen = new HashSet<(Guid, string)>();
        var duplicates = new List<int>();
        foreach (var (index, e) in valid)
        {
            if (!seen.Add((e.ChannelId!.Value, e.ExternalEventId!)))
            {
                duplicates.Add(index);
                continue;
            }

            var occurredAt = e.OccurredAt!.Value;
            rows.Add((index, new Event
            {
                WorkspaceId = db.WorkspaceId,
                ChannelId = e.ChannelId.Value,
                ExternalEventId = e.ExternalEventId!,
                Kind = KindOf(e).WireName(),
                ExternalGroupId = e.ExternalGroupId,
                ExternalUserId = e.ExternalUserId,
                OccurredAt = occurredAt.UtcDateTime,
                ReceivedAt = now.UtcDateTime,
                ClockSkewed = occurredAt - now > AllowedSkew,
                Payload = JsonSerializer.Serialize(PayloadOf(e), PayloadJson),
            }));
        }

        mark = PipelineMetrics.Phase("store.prepare", mark);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await EventInsert.InsertNewAsync(db, rows.Select(r => r.Row).ToList(), cancellationToken);
        mark = PipelineMetrics.Phase("store.insert", mark);
        await transaction.CommitAsync(cancellationToken);
        PipelineMetrics.Phase("store.commit", mark);

        duplicates.AddRange(rows.Where(r => !inserted.ContainsKey((r.Row.ChannelId, r.Row.ExternalEventId))).Select(r => r.Index));
        duplicates.Sort();
        var skewed = rows.Where(r => r.Row.ClockSkewed && inserted.ContainsKey((r.Row.ChannelId, r.Row.ExternalEventId))).Select(r => r.Index).ToList();
        return (inserted.Count, duplicates, skewed);
    }

    private static EventKind KindOf(IngestEvent e) => EventKinds.TryParse(e.Kind, out var kind) ? kind : EventKind.Custom;

    /// <summary>What the timeline and later stages need: names as seen on the platform and the kind's own body.</summary>
    private static EventPayload PayloadOf(IngestEvent e) =>
        new(e.UserDisplayName, e.GroupName, e.Message, e.Reaction, e.Invite, e.Content, e.Attendance, e.Purchase, e.Custom);
}

public sealed record EventPayload(
    string? UserDisplayName,
    string? GroupName,
    MessageBody? Message,
    ReactionBody? Reaction,
    InviteBody? Invite,
    TopicBody? Content,
    TopicBody? Attendance,
    PurchaseBody? Purchase,
    CustomBody? Custom)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static EventPayload Read(string json) => JsonSerializer.Deserialize<EventPayload>(json, Json) ?? Empty;

    public static readonly EventPayload Empty = new(null, null, null, null, null, null, null, null, null);
}
