using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Telegram.Bot;

namespace Qunyun.Features.Connectors.Telegram;

public sealed record TelegramConnectionResult(bool Ok, string? BotUsername, string? Error);

/// <summary>"Test connection": getMe with the stored token; success makes the channel healthy and (re)starts polling.</summary>
public sealed class TestTelegramConnection(QunyunDbFactory factory, TelegramBots bots, ChannelStateStore states, TelegramPolling polling)
{
    public async Task<TelegramConnectionResult?> ExecuteAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        var client = await bots.ClientAsync(workspaceId, channelId, cancellationToken);
        if (client is null)
        {
            return null;
        }

        try
        {
            var me = await client.GetMe(cancellationToken);
            await states.SetAccountAsync(workspaceId, channelId, me.Id.ToString(CultureInfo.InvariantCulture), me.Username, cancellationToken);
            await states.RecordContactAsync(workspaceId, channelId, cancellationToken);
            polling.Wake();
            return new TelegramConnectionResult(true, me.Username, null);
        }
        catch (Exception e) when (e is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException)
        {
            await bots.RecordErrorAsync(workspaceId, channelId, e, cancellationToken);
            return new TelegramConnectionResult(false, null, TelegramBots.Describe(e));
        }
    }

    /// <summary>Whether the workspace has this channel and it is a Telegram channel (with or without a token).</summary>
    public async Task<bool> IsTelegramAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        return await db.Channels.AnyAsync(c => c.Id == channelId && c.Kind == Engine.Channels.ChannelKind.Telegram, cancellationToken);
    }
}
