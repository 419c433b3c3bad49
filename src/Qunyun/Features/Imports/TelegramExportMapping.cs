using System.Globalization;
using System.Text;
using System.Text.Json;
using Qunyun.Features.Events;

namespace Qunyun.Features.Imports;

/// <summary>
/// Turns messages of a Telegram Desktop export (<c>result.json</c>) into pipeline events. Handles both formats seen in
/// the wild: <c>from_id</c> as an integer (2020–21) or as <c>"user123"</c> (newer); <c>text</c> as a string or an array
/// of strings and entity objects; <c>date_unixtime</c> when present (else <c>date</c>, which carries no offset and is
/// read as UTC). Service messages become joins and leaves. The export lists invited/removed members by name only, so
/// a name is matched to the id it is seen with anywhere in this export (see <see cref="Unresolved"/>).
/// </summary>
public sealed class TelegramExportMapping(Guid channelId, string chatId, string? chatName)
{
    private readonly Dictionary<string, string> _idByName = new(StringComparer.Ordinal);
    private readonly List<(string Kind, string EventId, string Name, DateTimeOffset At)> _unresolved = [];

    public IEnumerable<IngestEvent> Map(JsonElement message)
    {
        var id = Text(message, "id") ?? "";
        var at = TimeOf(message);
        var type = Text(message, "type");
        if (type == "message")
        {
            var user = Remember(Text(message, "from"), UserId(message, "from_id"));
            if (user is null)
            {
                yield break;
            }

            var text = Flatten(message.TryGetProperty("text", out var t) ? t : default);
            var attachments = Attachments(message);
            if (text.Length > 0 || attachments.Count > 0)
            {
                yield return Event("message", $"{chatId}:{id}", user, Text(message, "from"), at,
                    message: new MessageBody(text.Length > 0 ? text : null, ReplyTo(message), null, attachments.Count > 0 ? attachments : null));
            }

            foreach (var reaction in Reactions(message, id, at))
            {
                yield return reaction;
            }

            yield break;
        }

        var action = Text(message, "action");
        var actor = Remember(Text(message, "actor"), UserId(message, "actor_id"));
        switch (action)
        {
            case "join_group_by_link" or "join_group_by_request" when actor is not null:
                yield return Event("member_joined", $"{chatId}:{id}", actor, Text(message, "actor"), at);
                break;
            case "create_group" or "invite_members" or "remove_members":
                var kind = action == "remove_members" ? "member_left" : "member_joined";
                var index = 0;
                foreach (var name in Names(message))
                {
                    var eventId = $"{chatId}:{id}:{index++}";
                    if (_idByName.TryGetValue(name, out var known))
                    {
                        yield return Event(kind, eventId, known, name, at);
                    }
                    else
                    {
                        _unresolved.Add((kind, eventId, name, at));
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Joins and leaves of members known only by name so far, resolved with every id the export showed (they are few,
    /// so holding them keeps memory bounded); a name never seen with an id stays <c>name:…</c>.
    /// </summary>
    public IEnumerable<IngestEvent> Unresolved() =>
        _unresolved.Select(u => Event(u.Kind, u.EventId, _idByName.GetValueOrDefault(u.Name) ?? $"name:{u.Name}", u.Name, u.At));

    private IngestEvent Event(string kind, string eventId, string user, string? name, DateTimeOffset at, MessageBody? message = null, ReactionBody? reaction = null) =>
        new(kind, channelId, eventId, chatId, chatName, user, name, at, message, reaction);

    private IEnumerable<IngestEvent> Reactions(JsonElement message, string id, DateTimeOffset at)
    {
        if (!message.TryGetProperty("reactions", out var reactions) || reactions.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var reaction in reactions.EnumerateArray())
        {
            var emoji = Text(reaction, "emoji") ?? Text(reaction, "document_id") ?? "?";
            if (!reaction.TryGetProperty("recent", out var recent) || recent.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var who in recent.EnumerateArray())
            {
                var user = Remember(Text(who, "from"), UserId(who, "from_id"));
                if (user is not null)
                {
                    var when = Text(who, "date") is { } date ? ParseLocal(date) : at;
                    yield return Event("reaction", $"{chatId}:{id}:r:{user}:{emoji}", user, Text(who, "from"), when,
                        reaction: new ReactionBody($"{chatId}:{id}", emoji));
                }
            }
        }
    }

    private string? Remember(string? name, string? id)
    {
        if (id is not null && name is not null)
        {
            _idByName[name] = id;
        }

        return id;
    }

    /// <summary>"user123456" and 123456 are the same Telegram user; channels and bots keep their prefix.</summary>
    private static string? UserId(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : value.GetString() is { } text ? (text.StartsWith("user", StringComparison.Ordinal) ? text[4..] : text) : null;

    private static string? ReplyTo(JsonElement message) =>
        message.TryGetProperty("reply_to_message_id", out var reply) ? reply.GetRawText() : null;

    private List<Attachment> Attachments(JsonElement message)
    {
        var attachments = new List<Attachment>();
        if (message.TryGetProperty("photo", out var photo))
        {
            attachments.Add(new Attachment("image", photo.GetString()));
        }

        if (message.TryGetProperty("file", out var file))
        {
            var kind = Text(message, "media_type") switch
            {
                "voice_message" => "voice",
                "audio_file" => "audio",
                "video_file" or "video_message" or "animation" => "video",
                "sticker" => "sticker",
                _ => "file",
            };
            attachments.Add(new Attachment(kind, file.GetString()));
        }

        return attachments;
    }

    private static IEnumerable<string> Names(JsonElement message) =>
        message.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
            ? members.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)
            : [];

    private static string Flatten(JsonElement text)
    {
        switch (text.ValueKind)
        {
            case JsonValueKind.String:
                return text.GetString()!;
            case JsonValueKind.Array:
                var builder = new StringBuilder();
                foreach (var part in text.EnumerateArray())
                {
                    builder.Append(part.ValueKind == JsonValueKind.String ? part.GetString() : Text(part, "text"));
                }

                return builder.ToString();
            default:
                return "";
        }
    }

    private static DateTimeOffset TimeOf(JsonElement message) =>
        Text(message, "date_unixtime") is { } unix && long.TryParse(unix, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : ParseLocal(Text(message, "date") ?? "1970-01-01T00:00:00");

    private static DateTimeOffset ParseLocal(string date) =>
        DateTimeOffset.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
