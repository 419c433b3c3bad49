using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Telegram.Bot;

namespace Qunyun.Features.Telegram;

public sealed record TelegramConnectionResult(bool Ok, string? BotUsername, string? Error);

/// <summary>"Test connection": getMe with the stored token; success makes the channel healthy and (re)starts polling.</summary>
public sealed class TestTelegramConnection(QunyunDbFactory factory, TelegramBots bots, TelegramPolling polling, TimeProvider clock)
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
            await using var db = factory.Create(workspaceId);
            var state = await TelegramBots.StateAsync(db, channelId, cancellationToken);
            (state.BotId, state.BotUsername, state.Healthy) = (me.Id, me.Username, true);
            state.LastContactAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
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
