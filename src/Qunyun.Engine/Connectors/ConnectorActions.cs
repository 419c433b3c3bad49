namespace Qunyun.Engine.Connectors;

/// <summary>
/// The outbox action vocabulary: the <c>Action</c> column of an outbox row and a connector's capability names.
/// Payloads are camelCase JSON, written from <see cref="ConnectorAction"/> records by <see cref="ConnectorActionWriter"/>
/// and read back into them by <see cref="ConnectorActionParser"/>.
/// </summary>
public static class ConnectorActions
{
    /// <summary><c>{externalGroupId, text, replyToExternalEventId?}</c>.</summary>
    public const string SendText = "send_text";

    /// <summary>
    /// <c>{externalUserId, text, welcomeCode?}</c>: a message to the member alone (the bot's private welcome). On Telegram the member
    /// must have started the bot once; otherwise the platform refuses and the row is dead with its answer. With a
    /// welcomeCode it is the platform's welcome to a new contact (WeCom's <c>send_welcome_msg</c>).
    /// </summary>
    public const string SendPrivate = "send_private";

    /// <summary><c>{externalGroupId, imageUrl, caption?, replyToExternalEventId?}</c>.</summary>
    public const string SendImage = "send_image";

    /// <summary>A <see cref="SendText"/> that must quote a message: <c>{externalGroupId, text, replyToExternalEventId}</c>.</summary>
    public const string Reply = "reply";

    /// <summary><c>{externalGroupId, externalEventId, externalUserId?}</c>.</summary>
    public const string DeleteMessage = "delete_message";

    /// <summary><c>{externalGroupId, externalUserId, minutes?, until?}</c>; without both, until lifted.</summary>
    public const string Mute = "mute";

    public const string Unmute = "unmute";
    public const string Kick = "kick";
    public const string Ban = "ban";
    public const string Unban = "unban";

    /// <summary>
    /// <c>{externalGroupId, name?, inviterExternalUserId?, campaign?, memberLimit?, expiresAt?}</c>; the link comes back
    /// as the delivery's platform reference, so joins through it can be attributed.
    /// </summary>
    public const string CreateInviteLink = "create_invite_link";

    /// <summary><c>{externalGroupId, inviteLink}</c>.</summary>
    public const string RevokeInviteLink = "revoke_invite_link";

    /// <summary><c>{externalGroupId, externalEventId, silent?}</c>.</summary>
    public const string Pin = "pin";

    /// <summary><c>{externalGroupId, title}</c>.</summary>
    public const string SetTitle = "set_title";

    /// <summary><c>{externalGroupId}</c>: the bot leaves (or the gateway dissolves) the group.</summary>
    public const string Leave = "leave";

    /// <summary><c>{externalGroupId, externalUserId}</c>: lets in someone who asked to join.</summary>
    public const string ApproveJoinRequest = "approve_join_request";

    /// <summary><c>{externalGroupId, externalUserId}</c>: turns down someone who asked to join.</summary>
    public const string DeclineJoinRequest = "decline_join_request";

    public static readonly IReadOnlyList<string> All =
    [
        SendText, SendPrivate, SendImage, Reply, DeleteMessage, Mute, Unmute, Kick, Ban, Unban,
        CreateInviteLink, RevokeInviteLink, Pin, SetTitle, Leave, ApproveJoinRequest, DeclineJoinRequest,
    ];

    public static bool IsKnown(string action) => All.Contains(action, StringComparer.Ordinal);
}
