using System.Security.Cryptography;
using Qunyun.Data;
using Telegram.Bot;

namespace Qunyun.Features.Telegram;

/// <summary>
/// Switches a channel between long polling and webhook. Webhook: a fresh secret is generated and registered with
/// setWebhook, so only Telegram can post updates; polling: deleteWebhook, since Telegram refuses getUpdates while a
/// webhook is set.
/// </summary>
/// <summary>Why the mode did not change: the channel's own state (no token, a token Telegram rejects) or Telegram failing.</summary>
public sealed record TelegramModeRefusal(string Detail, bool TelegramFailed);

public sealed class SetTelegramMode(QunyunDbFactory factory, TelegramBots bots, TelegramPolling polling)
{
    public async Task<TelegramModeRefusal?> ExecuteAsync(Guid workspaceId, Guid channelId, TelegramReceiveMode mode, string? webhookUrl, CancellationToken cancellationToken)
    {
        if (await bots.ClientAsync(workspaceId, channelId, cancellationToken) is not { } client)
        {
            return new TelegramModeRefusal("The channel has no bot token; add one first.", TelegramFailed: false);
        }

        await using var db = factory.Create(workspaceId);
        var state = await TelegramBots.StateAsync(db, channelId, cancellationToken);
        try
        {
            if (mode == TelegramReceiveMode.Webhook)
            {
                var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                await client.SetWebhook(webhookUrl!, allowedUpdates: TelegramPolling.AllowedUpdates, secretToken: secret, cancellationToken: cancellationToken);
                state.WebhookSecret = secret;
            }
            else
            {
                await client.DeleteWebhook(cancellationToken: cancellationToken);
                state.WebhookSecret = null;
            }
        }
        catch (global::Telegram.Bot.Exceptions.RequestException e)
        {
            await bots.RecordErrorAsync(workspaceId, channelId, e, cancellationToken);
            return new TelegramModeRefusal(TelegramBots.Describe(e), TelegramFailed: !TelegramBots.IsTokenRejected(e));
        }

        state.Mode = mode;
        await db.SaveChangesAsync(cancellationToken);
        polling.Wake();
        return null;
    }
}
