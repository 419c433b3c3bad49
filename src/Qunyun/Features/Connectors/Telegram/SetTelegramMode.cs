using System.Security.Cryptography;
using Qunyun.Features.Channels;
using Telegram.Bot;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>Why the mode did not change: the channel's own state (no token, a token Telegram rejects) or Telegram failing.</summary>
public sealed record TelegramModeRefusal(string Detail, bool TelegramFailed);

/// <summary>
/// Switches a channel between long polling and webhook. Webhook: a fresh secret is generated and registered with
/// setWebhook, so only Telegram can post updates; polling: deleteWebhook, since Telegram refuses getUpdates while a
/// webhook is set.
/// </summary>
public sealed class SetTelegramMode(ChannelStateStore states, TelegramBots bots, TelegramPolling polling)
{
    public async Task<TelegramModeRefusal?> ExecuteAsync(Guid workspaceId, Guid channelId, ChannelReceiveMode mode, string? webhookUrl, CancellationToken cancellationToken)
    {
        if (await bots.ClientAsync(workspaceId, channelId, cancellationToken) is not { } client)
        {
            return new TelegramModeRefusal("The channel has no bot token; add one first.", TelegramFailed: false);
        }

        string? secret = null;
        try
        {
            if (mode == ChannelReceiveMode.Webhook)
            {
                secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                await client.SetWebhook(webhookUrl!, allowedUpdates: TelegramPolling.AllowedUpdates, secretToken: secret, cancellationToken: cancellationToken);
            }
            else
            {
                await client.DeleteWebhook(cancellationToken: cancellationToken);
            }
        }
        catch (global::Telegram.Bot.Exceptions.RequestException e)
        {
            await bots.RecordErrorAsync(workspaceId, channelId, e, cancellationToken);
            return new TelegramModeRefusal(TelegramBots.Describe(e), TelegramFailed: !TelegramBots.IsTokenRejected(e));
        }

        await states.SetReceiveModeAsync(workspaceId, channelId, mode, secret, cancellationToken);
        polling.Wake();
        return null;
    }
}
