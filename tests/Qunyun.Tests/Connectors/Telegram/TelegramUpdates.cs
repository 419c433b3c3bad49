using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>Bot API update JSON as Telegram sends it, for the fake server's queue and the mapper's tests.</summary>
public static class TelegramUpdates
{
    public const long ChatId = -1001234567890;
    public const string ChatTitle = "产品内测群";
    public static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static JsonObject User(long id, string firstName, string? username = null, bool isBot = false)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = firstName, ["language_code"] = "zh-hans" };
        if (username is not null)
        {
            user["username"] = username;
        }

        return user;
    }

    public static JsonObject Chat(long id = ChatId, string title = ChatTitle, string type = "supergroup") =>
        new() { ["id"] = id, ["title"] = title, ["type"] = type };

    public static JsonObject Text(int messageId, JsonObject from, string text, int? replyTo = null, JsonArray? entities = null, int minutes = 0)
    {
        var message = MessageBase(messageId, from, minutes);
        message["text"] = text;
        if (entities is not null)
        {
            message["entities"] = entities;
        }

        if (replyTo is { } id)
        {
            message["reply_to_message"] = MessageBase(id, User(1, "someone"), 0);
        }

        return new JsonObject { ["message"] = message };
    }

    public static JsonObject Photo(int messageId, JsonObject from, string fileId, string? caption = null)
    {
        var message = MessageBase(messageId, from, 0);
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = fileId + "-small", ["file_unique_id"] = "s", ["width"] = 90, ["height"] = 90 },
            new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "l", ["width"] = 800, ["height"] = 800, ["file_size"] = 1000 });
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return new JsonObject { ["message"] = message };
    }

    public static JsonObject NewMembers(int messageId, JsonObject from, params JsonObject[] members)
    {
        var message = MessageBase(messageId, from, 0);
        message["new_chat_members"] = new JsonArray(members.Select(m => (JsonNode)m.DeepClone()).ToArray());
        message["new_chat_member"] = members[0].DeepClone();
        message["new_chat_participant"] = members[0].DeepClone();
        return new JsonObject { ["message"] = message };
    }

    public static JsonObject LeftMember(int messageId, JsonObject member)
    {
        var message = MessageBase(messageId, member, 0);
        message["left_chat_member"] = member.DeepClone();
        message["left_chat_participant"] = member.DeepClone();
        return new JsonObject { ["message"] = message };
    }

    /// <summary>A chat_member update: the user's status goes from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static JsonObject MemberChange(JsonObject user, string from, string to, JsonObject? inviteLink = null, bool my = false)
    {
        var change = new JsonObject
        {
            ["chat"] = Chat(),
            ["from"] = user.DeepClone(),
            ["date"] = At.ToUnixTimeSeconds(),
            ["old_chat_member"] = new JsonObject { ["status"] = from, ["user"] = user.DeepClone() },
            ["new_chat_member"] = new JsonObject { ["status"] = to, ["user"] = user.DeepClone() },
        };
        if (inviteLink is not null)
        {
            change["invite_link"] = inviteLink;
        }

        return new JsonObject { [my ? "my_chat_member" : "chat_member"] = change };
    }

    public static JsonObject InviteLink(string link, string? name, long creatorId) => new()
    {
        ["invite_link"] = link,
        ["creator"] = User(creatorId, "Creator", isBot: true),
        ["creates_join_request"] = false,
        ["is_primary"] = false,
        ["is_revoked"] = false,
        ["name"] = name,
    };

    public static JsonObject Reaction(int messageId, JsonObject user, string[] before, string[] after) => new()
    {
        ["message_reaction"] = new JsonObject
        {
            ["chat"] = Chat(),
            ["message_id"] = messageId,
            ["user"] = user.DeepClone(),
            ["date"] = At.ToUnixTimeSeconds(),
            ["old_reaction"] = new JsonArray(before.Select(e => (JsonNode)new JsonObject { ["type"] = "emoji", ["emoji"] = e }).ToArray()),
            ["new_reaction"] = new JsonArray(after.Select(e => (JsonNode)new JsonObject { ["type"] = "emoji", ["emoji"] = e }).ToArray()),
        },
    };

    /// <summary>A chat_join_request update: the user asked to join through a link that creates join requests.</summary>
    public static JsonObject JoinRequest(JsonObject user) => new()
    {
        ["chat_join_request"] = new JsonObject
        {
            ["chat"] = Chat(),
            ["from"] = user,
            ["user_chat_id"] = user["id"]!.GetValue<long>(),
            ["date"] = At.ToUnixTimeSeconds(),
        },
    };

    /// <summary>The update as Telegram.Bot reads it (update_id set if missing).</summary>
    public static Update Parse(JsonObject update)
    {
        var copy = (JsonObject)update.DeepClone();
        copy["update_id"] ??= 1;
        return JsonSerializer.Deserialize<Update>(copy.ToJsonString(), JsonBotAPI.Options)!;
    }

    private static JsonObject MessageBase(int messageId, JsonObject from, int minutes) => new()
    {
        ["message_id"] = messageId,
        ["from"] = from.DeepClone(),
        ["chat"] = Chat(),
        ["date"] = At.AddMinutes(minutes).ToUnixTimeSeconds(),
    };
}
