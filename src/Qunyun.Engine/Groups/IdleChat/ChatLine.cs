namespace Qunyun.Engine.Groups.IdleChat;

/// <summary>One message of a group as the idle-chat guard sees it.</summary>
/// <param name="Staff">Said by a group owner or admin: staff taking part makes a conversation a guided one.</param>
/// <param name="ReplyTo">The platform id of the message this one replies to, if any.</param>
public sealed record ChatLine(string ExternalEventId, Guid MemberId, DateTime At, string Text, bool Staff = false, string? ReplyTo = null);

/// <summary>A run of idle chat: who took part (in the order they first spoke), how many messages, from when to when.</summary>
public sealed record IdleChatRun(IReadOnlyList<Guid> Members, int Messages, DateTime From, DateTime To)
{
    /// <summary>Stable for the same two or three people, whoever spoke first.</summary>
    public string PairKey => string.Join('+', Members.Order().Select(m => m.ToString("N")));
}
