using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// WeCom customer contact, outbound. A text to a customer group or a customer becomes a mass-send task that staff
/// confirm in their WeCom client (capped by WeCom); a private message carrying the welcome code of a contact just
/// added is their welcome message instead; an invite link is a 「加入群聊」 code whose state attributes the joins. Customer-group
/// messages cannot be read, deleted, pinned or quoted through the API, and members cannot be removed or muted: kick,
/// ban and mute become staff tasks.
/// </summary>
public sealed class WeComConnector(
    WeComClient client, WeComChannels channels, WeComMassSends massSends, WeComJoinCodes joinCodes, WeComStaffTasks staffTasks,
    ChannelStateStore states) : IConnector
{
    private static readonly TimeSpan RateLimitedWait = TimeSpan.FromMinutes(1);

    public ChannelKind Kind => ChannelKind.WeCom;

    /// <summary>What WeCom itself does, as the console lists it; staff tasks are not among them.</summary>
    public ConnectorCapabilities Capabilities { get; } =
        ConnectorCapabilities.Of(ConnectorActions.SendText, ConnectorActions.SendPrivate, ConnectorActions.CreateInviteLink);

    /// <summary>The dispatcher also hands over kick, ban and mute, so they become staff tasks instead of silent "unsupported" rows.</summary>
    public ConnectorCapabilities CapabilitiesFor(ChannelSnapshot channel) =>
        ConnectorCapabilities.Of([.. Capabilities.Actions, .. WeComStaffTasks.Actions]);

    public string? InboundPath(Guid channelId) => $"/api/v1/channels/{channelId}/wecom/callback";

    public async Task<CredentialCheck> CheckCredentialsAsync(string credentials, CancellationToken cancellationToken)
    {
        if (WeComCredentials.Read(credentials) is not { } parsed)
        {
            return CredentialCheck.Refused(string.Join(" ", WeComCredentials.Problems(credentials).Values));
        }

        try
        {
            await client.TokenAsync(parsed, renew: true, cancellationToken);
            return CredentialCheck.Accepted(parsed.CorpId);
        }
        catch (WeComException e)
        {
            return CredentialCheck.Refused(e.Message);
        }
    }

    public async Task<DeliveryOutcome> ExecuteAsync(ChannelSnapshot channel, ConnectorAction action, ActionDelivery delivery, CancellationToken cancellationToken)
    {
        if (WeComStaffTasks.Actions.Contains(action.Name))
        {
            return await staffTasks.CreateAsync(channel, action, delivery, cancellationToken);
        }

        if (channels.CredentialsOf(channel.ProtectedCredentials) is not { } credentials)
        {
            return new DeliveryOutcome.TransientFailure(DeliveryReasons.Of(DeliveryReasons.WeComNoCredentials, channel.Name));
        }

        try
        {
            return action switch
            {
                SendPrivateAction { WelcomeCode: { Length: > 0 } code } p => await WelcomeAsync(credentials, code, p.Text, cancellationToken),
                SendPrivateAction p => await massSends.ToCustomerAsync(channel, credentials, p.ExternalUserId, p.Text, cancellationToken),
                SendTextAction { MustReply: false } t => await massSends.ToGroupAsync(channel, credentials, t.ExternalGroupId, t.Text, cancellationToken),
                CreateInviteLinkAction invite => await InviteAsync(channel, credentials, invite, cancellationToken),
                _ => new DeliveryOutcome.Unsupported(DeliveryReasons.Of(DeliveryReasons.Cannot, channel.Kind.ToString(), channel.Name, action.Name)),
            };
        }
        catch (WeComException e)
        {
            var reason = DeliveryReasons.Of(DeliveryReasons.WeComRefused, e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.PlatformMessage);
            await states.RecordErrorAsync(channel.WorkspaceId, channel.Id, reason.Text, e.CredentialsRefused, cancellationToken);
            return e.Code switch
            {
                45009 => new DeliveryOutcome.RetryAfter(RateLimitedWait, reason),
                < 0 => new DeliveryOutcome.TransientFailure(reason),
                _ => new DeliveryOutcome.PermanentFailure(reason),
            };
        }
    }

    private async Task<DeliveryOutcome> WelcomeAsync(WeComCredentials credentials, string code, string text, CancellationToken cancellationToken)
    {
        await client.PostAsync(credentials, "externalcontact/send_welcome_msg", new { welcome_code = code, text = new { content = text } }, cancellationToken);
        return new DeliveryOutcome.Delivered();
    }

    private async Task<DeliveryOutcome> InviteAsync(ChannelSnapshot channel, WeComCredentials credentials, CreateInviteLinkAction invite, CancellationToken cancellationToken)
    {
        var state = invite.Campaign ?? (invite.InviterExternalUserId is { } inviter ? "m:" + inviter : invite.LinkName) ?? "qunyun";
        var request = new JoinCodeRequest { ChatIds = [invite.ExternalGroupId], State = state.Length > WeComJoinCodes.MaxState ? state[..WeComJoinCodes.MaxState] : state, AutoCreateRoom = false };
        var code = await joinCodes.CreateAsync(channel.WorkspaceId, channel.Id, credentials, request, cancellationToken);
        return new DeliveryOutcome.Delivered(code.QrCode ?? code.ConfigId);
    }
}
