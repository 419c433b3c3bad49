namespace Qunyun.Engine.Connectors;

/// <summary>
/// One outbox action: what a connector executes. The host enqueues these records; <see cref="ConnectorActionWriter"/>
/// writes a row's payload from one and <see cref="ConnectorActionParser"/> reads it back.
/// </summary>
public abstract record ConnectorAction(string ExternalGroupId)
{
    /// <summary>The catalogue name (<see cref="ConnectorActions"/>) this record was read from.</summary>
    public abstract string Name { get; }

    /// <summary>The capability a connector needs to execute it.</summary>
    public virtual string RequiredCapability => Name;
}

/// <summary><c>send_text</c> or <c>reply</c>. A connector without <c>reply</c> sends a <c>send_text</c> unquoted.</summary>
public sealed record SendTextAction(string ExternalGroupId, string Text, string? ReplyToExternalEventId = null, bool MustReply = false)
    : ConnectorAction(ExternalGroupId)
{
    public override string Name => MustReply ? ConnectorActions.Reply : ConnectorActions.SendText;
}

/// <summary><c>send_private</c>: the conversation is the member's private chat, so its id stands where a group's would.</summary>
/// <param name="WelcomeCode">The one-time code a platform gives with a new contact to let one welcome through (WeCom's, for 20 seconds).</param>
public sealed record SendPrivateAction(string ExternalUserId, string Text, string? WelcomeCode = null) : ConnectorAction(ExternalUserId)
{
    public override string Name => ConnectorActions.SendPrivate;
}

public sealed record SendImageAction(string ExternalGroupId, string ImageUrl, string? Caption, string? ReplyToExternalEventId)
    : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.SendImage;
}

public sealed record DeleteMessageAction(string ExternalGroupId, string ExternalEventId, string? ExternalUserId)
    : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.DeleteMessage;
}

/// <summary>Restricts a member from posting until <see cref="Until"/> (or for <see cref="Minutes"/>; neither: until lifted).</summary>
public sealed record MuteAction(string ExternalGroupId, string ExternalUserId, int? Minutes, DateTime? Until)
    : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.Mute;
}

/// <summary><c>unmute</c>, <c>kick</c>, <c>ban</c> or <c>unban</c>: an action on one member of one group.</summary>
public sealed record MemberAction(string Action, string ExternalGroupId, string ExternalUserId) : ConnectorAction(ExternalGroupId)
{
    public override string Name => Action;
}

public sealed record CreateInviteLinkAction(
    string ExternalGroupId, string? LinkName, string? InviterExternalUserId, string? Campaign, int? MemberLimit, DateTime? ExpiresAt)
    : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.CreateInviteLink;
}

public sealed record RevokeInviteLinkAction(string ExternalGroupId, string InviteLink) : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.RevokeInviteLink;
}

public sealed record PinAction(string ExternalGroupId, string ExternalEventId, bool Silent) : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.Pin;
}

public sealed record SetTitleAction(string ExternalGroupId, string Title) : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.SetTitle;
}

public sealed record LeaveAction(string ExternalGroupId) : ConnectorAction(ExternalGroupId)
{
    public override string Name => ConnectorActions.Leave;
}

/// <summary>
/// <c>approve_join_request</c> or <c>decline_join_request</c>: answers someone who asked to join a group that screens
/// newcomers (Telegram's chat join request); they are not in the group until approved.
/// </summary>
public sealed record JoinRequestAction(string ExternalGroupId, string ExternalUserId, bool Approve) : ConnectorAction(ExternalGroupId)
{
    public override string Name => Approve ? ConnectorActions.ApproveJoinRequest : ConnectorActions.DeclineJoinRequest;
}
