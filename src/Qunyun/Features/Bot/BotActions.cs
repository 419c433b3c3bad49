using System.Text.Json;
using System.Text.Json.Serialization;
using Qunyun.Features.Events;

namespace Qunyun.Features.Bot;

/// <summary>Everything the bot says goes through the outbox as one of these two actions.</summary>
public static class BotActions
{
    public const string SendText = "send_text";
    public const string SendPrivate = "send_private";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static void Say(PipelineBatch batch, Guid channelId, Guid groupId, string externalGroupId, string text, string? replyTo, string key) =>
        batch.Enqueue(channelId, groupId, SendText,
            JsonSerializer.Serialize(new { externalGroupId, text, replyToExternalEventId = replyTo }, Json), key);

    public static void Whisper(PipelineBatch batch, Guid channelId, Guid groupId, string externalUserId, string text, string key) =>
        batch.Enqueue(channelId, groupId, SendPrivate, JsonSerializer.Serialize(new { externalUserId, text }, Json), key);
}
