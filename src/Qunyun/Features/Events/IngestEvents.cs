using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;

namespace Qunyun.Features.Events;

/// <summary>
/// Stores a batch durably and idempotently: valid, new events are inserted together with their pending marker in
/// one transaction; repeats of (channel, external event id) — earlier or within the batch — are reported, not stored.
/// Returns only after the commit, then wakes the pipeline.
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

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (accepted, duplicates, skewed) = await StoreAsync(db, valid, cancellationToken);
                signal.Wake();
                return new IngestResponse(accepted, duplicates, errors, skewed);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
            {
                // Another batch committed one of these events a moment ago; look again and store the rest.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(int Accepted, List<int> Duplicates, List<int> Skewed)> StoreAsync(
        QunyunDb db, List<(int Index, IngestEvent Event)> valid, CancellationToken cancellationToken)
    {
        var externalIds = valid.Select(v => v.Event.ExternalEventId!).Distinct().ToList();
        var channelIds = valid.Select(v => v.Event.ChannelId!.Value).Distinct().ToList();
        var known = (await db.Events
                .Where(e => channelIds.Contains(e.ChannelId) && externalIds.Contains(e.ExternalEventId))
                .Select(e => new { e.ChannelId, e.ExternalEventId })
                .ToListAsync(cancellationToken))
            .Select(e => (e.ChannelId, e.ExternalEventId))
            .ToHashSet();

        var now = clock.GetUtcNow();
        var duplicates = new List<int>();
        var skewed = new List<int>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (index, e) in valid)
        {
            if (!known.Add((e.ChannelId!.Value, e.ExternalEventId!)))
            {
                duplicates.Add(index);
                continue;
            }

            var occurredAt = e.OccurredAt!.Value;
            var isSkewed = occurredAt - now > AllowedSkew;
            if (isSkewed)
            {
                skewed.Add(index);
            }

            var stored = new Event
            {
                ChannelId = e.ChannelId.Value,
                ExternalEventId = e.ExternalEventId!,
                Kind = KindOf(e).WireName(),
                ExternalGroupId = e.ExternalGroupId,
                ExternalUserId = e.ExternalUserId,
                OccurredAt = occurredAt.UtcDateTime,
                ReceivedAt = now.UtcDateTime,
                ClockSkewed = isSkewed,
                Payload = JsonSerializer.Serialize(PayloadOf(e), PayloadJson),
            };
            db.Events.Add(stored);
            db.PendingEvents.Add(new PendingEvent { Event = stored });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (valid.Count - duplicates.Count, duplicates, skewed);
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
