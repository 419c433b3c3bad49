using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>The bot receiving the updates: its own joins and commands addressed to it are recognised.</summary>
public sealed record TelegramBotIdentity(long Id, string? Username);

/// <summary>What one update means to Qunyun: zero or more ingest events, and the group chat it came from (the console lists them).</summary>
public sealed record TelegramInbound(IReadOnlyList<IngestEvent> Events, SeenChat? Chat);

/// <summary>
/// Maps a Telegram update to Qunyun ingest events, without I/O. External ids: group = chat id, user = from.id,
/// message event id = <c>{chat_id}:{message_id}</c> (delete_message and pin read the message id back from it),
/// joins/leaves = <c>{chat_id}:join|left:{user_id}:{unix date}</c> (the service message and the chat_member update
/// of one join share it, so it is stored once), reactions = <c>{chat_id}:{message_id}:reaction:{user_id}:{emoji}</c>.
/// Only group and supergroup chats map to events; private chats and channels are not communities.
/// </summary>
public static class TelegramUpdateMapper
{
    public static TelegramInbound Map(Update update, Guid channelId, TelegramBotIdentity bot)
    {
        var events = new List<IngestEvent>();
        var chat = update switch
        {
            { Message: { } message } => MapMessage(message, channelId, bot, events),
            { ChatMember: { } change } => MapMemberChange(change, channelId, bot, events),
            { MyChatMember: { } change } => Seen(change.Chat, IsIn(change.NewChatMember)),
            { MessageReaction: { } reaction } => MapReaction(reaction, channelId, events),
            { ChatJoinRequest: { } request } => MapJoinRequest(request, channelId, events),
            _ => null,
        };
        return new TelegramInbound(events, chat);
    }

    /// <summary>The Telegram message id inside an event id made by <see cref="Map"/> (<c>{chat_id}:{message_id}</c>).</summary>
    public static bool TryReadMessageId(string? externalEventId, out int messageId)
    {
        messageId = 0;
        var parts = (externalEventId ?? "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[1], out messageId);
    }

    public static string MessageEventId(long chatId, int messageId) => $"{chatId}:{messageId}";

    private static SeenChat? MapMessage(Message message, Guid channelId, TelegramBotIdentity bot, List<IngestEvent> events)
    {
        if (!IsGroup(message.Chat))
        {
            return null;
        }

        var at = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        var unix = at.ToUnixTimeSeconds();
        if (message.NewChatMembers is { Length: > 0 } joined)
        {
            foreach (var user in joined.Where(u => !u.IsBot))
            {
                events.Add(Event("member_joined", channelId, $"{message.Chat.Id}:join:{user.Id}:{unix}", message.Chat, user, at));
            }

            return Seen(message.Chat, botIsMember: true);
        }

        if (message.LeftChatMember is { } left)
        {
            if (left.Id == bot.Id)
            {
                return Seen(message.Chat, botIsMember: false);
            }

            if (!left.IsBot)
            {
                events.Add(Event("member_left", channelId, $"{message.Chat.Id}:left:{left.Id}:{unix}", message.Chat, left, at));
            }

            return Seen(message.Chat, botIsMember: true);
        }

        if (message.From is { IsBot: false } from && Body(message, channelId, bot) is { } body)
        {
            events.Add(Event("message", channelId, MessageEventId(message.Chat.Id, message.Id), message.Chat, from, at) with { Message = body });
        }

        return Seen(message.Chat, botIsMember: true);
    }

    private static MessageBody? Body(Message message, Guid channelId, TelegramBotIdentity bot)
    {
        var text = message.Text ?? message.Caption;
        var entities = message.Entities ?? message.CaptionEntities ?? [];
        var attachments = message.Photo is { Length: > 0 } sizes
            ? [new Attachment("image", TelegramFiles.UrlFor(channelId, sizes.MaxBy(s => (long)s.Width * s.Height)!.FileId))]
            : new List<Attachment>();
        if (text is null && attachments.Count == 0)
        {
            return null; // stickers, polls, service messages: nothing moderation or the timeline reads
        }

        var mentions = entities
            .Select(e => e.Type switch
            {
                MessageEntityType.TextMention when e.User is { } user => user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                MessageEntityType.Mention when text is not null && e.Offset + e.Length <= text.Length => text.Substring(e.Offset, e.Length),
                _ => null,
            })
            .OfType<string>()
            .ToList();
        var reply = message.ReplyToMessage is { } replied ? MessageEventId(message.Chat.Id, replied.Id) : null;
        return new MessageBody(WithoutBotSuffix(text, entities, bot), reply, mentions.Count > 0 ? mentions : null, attachments.Count > 0 ? attachments : null);
    }

    /// <summary><c>/checkin@our_bot</c> → <c>/checkin</c>, so commands read the same whether addressed or not.</summary>
    private static string? WithoutBotSuffix(string? text, MessageEntity[] entities, TelegramBotIdentity bot)
    {
        if (text is null || bot.Username is null || entities.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0) is not { } command)
        {
            return text;
        }

        var suffix = "@" + bot.Username;
        var name = text[..Math.Min(command.Length, text.Length)];
        return name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? name[..^suffix.Length] + text[name.Length..] : text;
    }

    private static SeenChat? MapMemberChange(ChatMemberUpdated change, Guid channelId, TelegramBotIdentity bot, List<IngestEvent> events)
    {
        if (!IsGroup(change.Chat))
        {
            return null;
        }

        var user = change.NewChatMember.User;
        if (user.Id == bot.Id)
        {
            return Seen(change.Chat, IsIn(change.NewChatMember));
        }

        var at = new DateTimeOffset(DateTime.SpecifyKind(change.Date, DateTimeKind.Utc));
        var unix = at.ToUnixTimeSeconds();
        var (wasIn, isIn) = (IsIn(change.OldChatMember), IsIn(change.NewChatMember));
        if (!user.IsBot && !wasIn && isIn)
        {
            events.Add(Event("member_joined", channelId, $"{change.Chat.Id}:join:{user.Id}:{unix}", change.Chat, user, at));
            if (InviteOf(change.InviteLink, bot) is { } invite)
            {
                events.Add(Event("invite_accepted", channelId, $"{change.Chat.Id}:invite:{user.Id}:{unix}", change.Chat, user, at) with { Invite = invite });
            }
        }
        else if (!user.IsBot && wasIn && !isIn)
        {
            events.Add(Event("member_left", channelId, $"{change.Chat.Id}:left:{user.Id}:{unix}", change.Chat, user, at));
        }

        return Seen(change.Chat, botIsMember: true);
    }

    /// <summary>Only links this bot created carry our naming (<see cref="TelegramInviteNames"/>), so only they attribute a join.</summary>
    private static InviteBody? InviteOf(ChatInviteLink? link, TelegramBotIdentity bot)
    {
        if (link is null || link.Creator.Id != bot.Id)
        {
            return null;
        }

        return TelegramInviteNames.Parse(link.Name) switch
        {
            { Inviter: { } inviter } => new InviteBody(inviter, link.InviteLink),
            { Campaign: { } campaign } => new InviteBody(null, campaign),
            _ => new InviteBody(null, link.InviteLink),
        };
    }

    /// <summary>Someone asked to join (a link that creates join requests): event id <c>{chat_id}:request:{user_id}:{unix date}</c>.</summary>
    private static SeenChat? MapJoinRequest(ChatJoinRequest request, Guid channelId, List<IngestEvent> events)
    {
        if (!IsGroup(request.Chat) || request.From.IsBot)
        {
            return null;
        }

        var at = new DateTimeOffset(DateTime.SpecifyKind(request.Date, DateTimeKind.Utc));
        events.Add(Event("join_requested", channelId, $"{request.Chat.Id}:request:{request.From.Id}:{at.ToUnixTimeSeconds()}", request.Chat, request.From, at));
        return Seen(request.Chat, botIsMember: true);
    }

    private static SeenChat? MapReaction(MessageReactionUpdated reaction, Guid channelId, List<IngestEvent> events)
    {
        if (!IsGroup(reaction.Chat) || reaction.User is not { IsBot: false } user)
        {
            return null; // anonymous (chat) reactions have no member to credit
        }

        var at = new DateTimeOffset(DateTime.SpecifyKind(reaction.Date, DateTimeKind.Utc));
        var before = reaction.OldReaction.Select(Emoji).ToHashSet();
        foreach (var emoji in reaction.NewReaction.Select(Emoji).Where(e => !before.Contains(e)))
        {
            var target = MessageEventId(reaction.Chat.Id, reaction.MessageId);
            events.Add(Event("reaction", channelId, $"{target}:reaction:{user.Id}:{emoji}", reaction.Chat, user, at)
                with
            { Reaction = new ReactionBody(target, emoji) });
        }

        return Seen(reaction.Chat, botIsMember: true);
    }

    private static string Emoji(ReactionType type) => type switch
    {
        ReactionTypeEmoji e => e.Emoji,
        ReactionTypeCustomEmoji c => "custom:" + c.CustomEmojiId,
        _ => type.Type.ToString().ToLowerInvariant(),
    };

    private static bool IsIn(ChatMember member) => member switch
    {
        ChatMemberRestricted restricted => restricted.IsMember,
        _ => member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator or ChatMemberStatus.Member,
    };

    private static bool IsGroup(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup;

    private static SeenChat? Seen(Chat chat, bool botIsMember) =>
        IsGroup(chat) ? new SeenChat(chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), chat.Title ?? chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), chat.Type.ToString().ToLowerInvariant(), botIsMember) : null;

    private static IngestEvent Event(string kind, Guid channelId, string id, Chat chat, User user, DateTimeOffset at) =>
        new(kind, channelId, id, chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), chat.Title,
            user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), DisplayName(user), at);

    private static string DisplayName(User user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        name = name.Length > 0 ? name : user.Username ?? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name.Length > 200 ? name[..200] : name;
    }
}
