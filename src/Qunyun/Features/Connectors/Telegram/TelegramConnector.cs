using System.Globalization;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>
/// Executes outbox actions with the Bot API. Platform answers become outcomes: 429 → retry after Telegram's
/// <c>retry_after</c>; 5xx and network errors → transient; 401 → permanent and the channel is marked unhealthy
/// (the token was revoked); other 4xx (403 "bot was kicked", 400 "message to delete not found") → permanent, with the
/// platform's words kept on the channel as its last error.
/// </summary>
public sealed class TelegramConnector(TelegramBots bots, ChannelCredentials credentials, TimeProvider clock) : IConnector
{
    public ChannelKind Kind => ChannelKind.Telegram;

    public ConnectorCapabilities Capabilities { get; } = ConnectorCapabilities.All;

    public Task<CredentialCheck> CheckCredentialsAsync(string credentials, CancellationToken cancellationToken) =>
        bots.CheckTokenAsync(credentials, cancellationToken);

    /// <summary>Webhook mode only: Telegram posts here with the secret registered by setWebhook.</summary>
    public string? InboundPath(Guid channelId) => $"/api/v1/channels/{channelId}/telegram";

    public async Task<DeliveryOutcome> ExecuteAsync(
        ChannelSnapshot channel, ConnectorAction action, ActionDelivery delivery, CancellationToken cancellationToken)
    {
        if (credentials.Unprotect(channel.ProtectedCredentials) is not { Length: > 0 } token)
        {
            return new DeliveryOutcome.PermanentFailure(DeliveryReasons.Of(DeliveryReasons.NoToken));
        }

        if (!long.TryParse(action.ExternalGroupId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            return new DeliveryOutcome.PermanentFailure(DeliveryReasons.Of(DeliveryReasons.NotChatId, action.ExternalGroupId));
        }

        try
        {
            return await ExecuteAsync(bots.ClientFor(token), chatId, action, channel.Name, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429 || e.Parameters?.RetryAfter is not null)
        {
            return new DeliveryOutcome.RetryAfter(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1), TelegramBots.Describe(e));
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            await bots.RecordErrorAsync(channel.WorkspaceId, channel.Id, e, CancellationToken.None, markUnhealthy: e.ErrorCode == 401);
            return new DeliveryOutcome.PermanentFailure(TelegramBots.Describe(e));
        }
        catch (RequestException e)
        {
            return new DeliveryOutcome.TransientFailure(TelegramBots.Describe(e));
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome.TransientFailure(DeliveryReasons.Of(DeliveryReasons.Network, e.Message));
        }
    }

    private async Task<DeliveryOutcome> ExecuteAsync(
        TelegramBotClient client, long chatId, ConnectorAction action, string channelName, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case SendTextAction send:
                var sent = await client.SendMessage(chatId, send.Text, replyParameters: Reply(send.ReplyToExternalEventId, send.MustReply), cancellationToken: cancellationToken);
                return Delivered(chatId, sent.Id);
            case SendPrivateAction direct:
                var message = await client.SendMessage(chatId, direct.Text, cancellationToken: cancellationToken);
                return Delivered(chatId, message.Id);
            case SendImageAction image:
                var photo = await client.SendPhoto(chatId, InputFile.FromUri(image.ImageUrl), image.Caption,
                    replyParameters: Reply(image.ReplyToExternalEventId, mustReply: false), cancellationToken: cancellationToken);
                return Delivered(chatId, photo.Id);
            case DeleteMessageAction delete when TelegramUpdateMapper.TryReadMessageId(delete.ExternalEventId, out var messageId):
                await client.DeleteMessage(chatId, messageId, cancellationToken);
                return new DeliveryOutcome.Delivered();
            case PinAction pin when TelegramUpdateMapper.TryReadMessageId(pin.ExternalEventId, out var messageId):
                await client.PinChatMessage(chatId, messageId, pin.Silent, cancellationToken: cancellationToken);
                return new DeliveryOutcome.Delivered();
            case DeleteMessageAction delete:
                return new DeliveryOutcome.PermanentFailure(DeliveryReasons.Of(DeliveryReasons.NotMessageId, delete.ExternalEventId));
            case PinAction pin:
                return new DeliveryOutcome.PermanentFailure(DeliveryReasons.Of(DeliveryReasons.NotMessageId, pin.ExternalEventId));
            case MuteAction mute:
                await client.RestrictChatMember(chatId, UserId(mute.ExternalUserId), new ChatPermissions(false), untilDate: MutedUntil(mute), cancellationToken: cancellationToken);
                return new DeliveryOutcome.Delivered();
            case MemberAction member:
                await ExecuteAsync(client, chatId, member, cancellationToken);
                return new DeliveryOutcome.Delivered();
            case CreateInviteLinkAction invite:
                var link = await client.CreateChatInviteLink(chatId, InviteName(invite), invite.ExpiresAt, invite.MemberLimit, cancellationToken: cancellationToken);
                return new DeliveryOutcome.Delivered(link.InviteLink);
            case RevokeInviteLinkAction revoke:
                await client.RevokeChatInviteLink(chatId, revoke.InviteLink, cancellationToken);
                return new DeliveryOutcome.Delivered();
            case SetTitleAction title:
                await client.SetChatTitle(chatId, title.Title, cancellationToken);
                return new DeliveryOutcome.Delivered();
            case LeaveAction:
                await client.LeaveChat(chatId, cancellationToken);
                return new DeliveryOutcome.Delivered();
            case JoinRequestAction { Approve: true } request:
                await client.ApproveChatJoinRequest(chatId, UserId(request.ExternalUserId), cancellationToken);
                return new DeliveryOutcome.Delivered();
            case JoinRequestAction request:
                await client.DeclineChatJoinRequest(chatId, UserId(request.ExternalUserId), cancellationToken);
                return new DeliveryOutcome.Delivered();
            default:
                return new DeliveryOutcome.Unsupported(DeliveryReasons.Of(DeliveryReasons.Cannot, nameof(ChannelKind.Telegram), channelName, action.Name));
        }
    }

    private static async Task ExecuteAsync(TelegramBotClient client, long chatId, MemberAction member, CancellationToken cancellationToken)
    {
        var userId = UserId(member.ExternalUserId);
        switch (member.Action)
        {
            case ConnectorActions.Unmute:
                await client.RestrictChatMember(chatId, userId, new ChatPermissions(true), cancellationToken: cancellationToken);
                break;
            case ConnectorActions.Ban:
                await client.BanChatMember(chatId, userId, cancellationToken: cancellationToken);
                break;
            case ConnectorActions.Unban:
                await client.UnbanChatMember(chatId, userId, onlyIfBanned: true, cancellationToken: cancellationToken);
                break;
            default: // kick: Telegram has no kick; a ban lifted at once removes the member and lets them come back
                await client.BanChatMember(chatId, userId, cancellationToken: cancellationToken);
                await client.UnbanChatMember(chatId, userId, onlyIfBanned: true, cancellationToken: cancellationToken);
                break;
        }
    }

    /// <summary>Telegram treats less than 30 s or more than 366 days as "forever"; no end given means forever too.</summary>
    private DateTime? MutedUntil(MuteAction mute) =>
        mute.Until ?? (mute.Minutes is { } minutes ? clock.GetUtcNow().UtcDateTime.AddMinutes(minutes) : null);

    private static string? InviteName(CreateInviteLinkAction invite) =>
        invite.LinkName ?? (invite.InviterExternalUserId is { } inviter ? TelegramInviteNames.ForMember(inviter)
            : invite.Campaign is { } campaign ? TelegramInviteNames.ForCampaign(campaign) : null);

    private static ReplyParameters? Reply(string? externalEventId, bool mustReply) =>
        TelegramUpdateMapper.TryReadMessageId(externalEventId, out var messageId)
            ? new ReplyParameters { MessageId = messageId, AllowSendingWithoutReply = !mustReply }
            : null;

    private static long UserId(string externalUserId) =>
        long.TryParse(externalUserId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ApiRequestException($"Bad Request: '{externalUserId}' is not a Telegram user id", 400);

    private static DeliveryOutcome Delivered(long chatId, int messageId) =>
        new DeliveryOutcome.Delivered(TelegramUpdateMapper.MessageEventId(chatId, messageId));
}
