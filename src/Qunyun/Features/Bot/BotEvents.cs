using System.Text.Json;
using System.Text.Json.Serialization;
using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Bot;

/// <summary>
/// Events the bot records about a member (a check-in typed as a command, an introduction), written as pending events
/// in the batch's transaction so the next batch processes them like any ingested event.
/// </summary>
internal static class BotEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Task RecordAsync(PipelineBatch batch, ProcessedEvent source, EventKind kind, string externalEventId, DateTime receivedAt,
        CustomBody? custom, CancellationToken cancellationToken)
    {
        var payload = new EventPayload(source.Member.DisplayName, source.Group?.Name, null, null, null, null, null, null, custom);
        return EventInsert.InsertNewAsync(batch.Db,
        [
            new Event
            {
                WorkspaceId = batch.WorkspaceId,
                ChannelId = source.Event.ChannelId,
                ExternalEventId = externalEventId,
                Kind = kind.WireName(),
                ExternalGroupId = source.Event.ExternalGroupId,
                ExternalUserId = source.Event.ExternalUserId,
                OccurredAt = source.Event.OccurredAt,
                ReceivedAt = receivedAt,
                Payload = JsonSerializer.Serialize(payload, Json),
                Historical = source.Event.Historical,
            },
        ], cancellationToken);
    }
}
