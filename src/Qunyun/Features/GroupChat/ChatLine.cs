using Qunyun.Features.Moderation;

namespace Qunyun.Features.GroupChat;

public enum ChatLineKind
{
    Message,

    /// <summary>A post or reply of the bot: an outbox row delivered to the group, or queued for it.</summary>
    Bot,
    Joined,
    Left,
}

/// <summary>Where a page of the conversation stops: lines strictly older than this (events sort before bot posts at one time).</summary>
public sealed record ChatCursor(DateTime At, bool FromOutbox, long Id);

/// <summary>
/// One line of a group's conversation as members saw it. <see cref="ReplyTo"/> names the member a bot reply answers;
/// <see cref="At"/> is when members saw it (a bot post's delivery); <see cref="Queued"/> marks a bot post that has not
/// gone out yet, which stands at the time it was queued.
/// </summary>
public sealed record ChatLine(
    ChatLineKind Kind, DateTime At, ChatCursor Cursor, long? EventId, Guid? MemberId, string? Sender, string? Text, bool HasAttachment,
    string? ReplyTo, Guid? ReplyToMemberId, ModeratedMessage? Moderated, bool Queued);

/// <summary>A page of lines, oldest first, and the cursor of the page before it (null: the conversation starts here).</summary>
public sealed record ChatPage(IReadOnlyList<ChatLine> Lines, ChatCursor? Earlier);
