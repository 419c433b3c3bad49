using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;

namespace Qunyun.Features.Events;

/// <summary>
/// Validates a batch (errors by index) and hands the valid events to the <see cref="PipelineWriter"/>, which stores
/// and processes them in one transaction; repeats of (channel, external event id) — earlier or within the batch — are
/// reported, not stored (the unique index is the last word, so concurrent batches cannot both store an event).
/// Returns only after the commit.
/// </summary>
public sealed class IngestEvents(TimeProvider clock, PipelineWriter writer)
{
    public const int MaxBatch = 1000;
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<IngestResponse> ExecuteAsync(QunyunDb db, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken) =>
        ExecuteAsync(db, events, historical: false, cancellationToken);

    /// <param name="historical">The events are a chat's past (an import): stored as <see cref="Event.Historical"/>.</param>
    public async Task<IngestResponse> ExecuteAsync(QunyunDb db, IReadOnlyList<IngestEvent> events, bool historical, CancellationToken cancellationToken)
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

        if (valid.Count == 0)
        {
            return new IngestResponse(0, [], errors, []);
        }

        var mark = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var rows = valid.ConvertAll(v => Row(db.WorkspaceId, v.Event, now, historical));
        PipelineMetrics.Phase("store.prepare", mark);
        var ids = await writer.StoreAsync(db.WorkspaceId, rows, cancellationToken);
        var duplicates = Enumerable.Range(0, valid.Count).Where(i => ids[i] is null).Select(i => valid[i].Index).ToList();
        var skewed = Enumerable.Range(0, valid.Count).Where(i => ids[i] is not null && rows[i].Row.ClockSkewed).Select(i => valid[i].Index).ToList();
        return new IngestResponse(valid.Count - duplicates.Count, duplicates, errors, skewed);
    }

    private static IncomingEvent Row(Guid workspaceId, IngestEvent e, DateTimeOffset now, bool historical)
    {
        var occurredAt = e.OccurredAt!.Value;
        var payload = PayloadOf(e);
        return new IncomingEvent(new Event
        {
            WorkspaceId = workspaceId,
            ChannelId = e.ChannelId!.Value,
            ExternalEventId = e.ExternalEventId!,
            Kind = KindOf(e).WireName(),
            ExternalGroupId = e.ExternalGroupId,
            ExternalUserId = e.ExternalUserId,
            OccurredAt = occurredAt.UtcDateTime,
            ReceivedAt = now.UtcDateTime,
            ClockSkewed = occurredAt - now > AllowedSkew,
            Historical = historical,
            Payload = JsonSerializer.Serialize(payload, PayloadJson),
        }, payload);
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
