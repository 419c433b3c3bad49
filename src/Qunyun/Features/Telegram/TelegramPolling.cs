using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Qunyun.Features.Telegram;

/// <summary>
/// Long polling, one loop per Telegram channel in polling mode. The supervisor (re)starts loops at start-up, when
/// woken (a channel connected or switched mode) and once a minute; a loop ends when the token is rejected (the
/// channel is then unhealthy until a successful "test connection" wakes it again) or the channel leaves polling.
/// </summary>
public sealed class TelegramPolling(
    QunyunDbFactory factory, TelegramBots bots, IServiceScopeFactory scopes, IOptions<TelegramOptions> options, TimeProvider clock,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>What the bot asks Telegram for: chat_member and message_reaction are only sent when asked.</summary>
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.ChatMember, UpdateType.MyChatMember, UpdateType.MessageReaction];

    private readonly ConcurrentDictionary<Guid, Task> _loops = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => _wake.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunPolling)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = _wake.Task;
            try
            {
                await StartMissingLoopsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Telegram polling supervisor failed; retrying");
            }

            await Task.WhenAny(woken, Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (woken.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        await Task.WhenAll(_loops.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task StartMissingLoopsAsync(CancellationToken stoppingToken)
    {
        await using var db = factory.CreateUnscoped();
        var channels = await db.Channels.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Kind == ChannelKind.Telegram && c.ProtectedCredentials != null)
            .Select(c => new
            {
                c.Id,
                c.WorkspaceId,
                State = db.TelegramBots.IgnoreQueryFilters().FirstOrDefault(s => s.ChannelId == c.Id),
            })
            .ToListAsync(stoppingToken);
        foreach (var channel in channels.Where(c => c.State is null || (c.State.Mode == TelegramReceiveMode.Polling && c.State.Healthy)))
        {
            if (_loops.TryGetValue(channel.Id, out var running) && !running.IsCompleted)
            {
                continue;
            }

            _loops[channel.Id] = Task.Run(() => PollAsync(channel.WorkspaceId, channel.Id, stoppingToken), stoppingToken);
        }
    }

    private async Task PollAsync(Guid workspaceId, Guid channelId, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await bots.ClientAsync(workspaceId, channelId, stoppingToken) is not { } client || !await StillPollingAsync(workspaceId, channelId, stoppingToken))
                {
                    return;
                }

                await PollOnceAsync(client, workspaceId, channelId, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Telegram polling for channel {Channel} failed: {Error}", channelId, TelegramBots.Describe(e));
                if (await bots.RecordErrorAsync(workspaceId, channelId, e, stoppingToken))
                {
                    return;
                }

                var wait = e is ApiRequestException { Parameters.RetryAfter: { } retryAfter }
                    ? TimeSpan.FromSeconds(retryAfter)
                    : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, ++failures)));
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }

    private async Task PollOnceAsync(TelegramBotClient client, Guid workspaceId, Guid channelId, CancellationToken stoppingToken)
    {
        long offset;
        TelegramBotIdentity bot;
        await using (var db = factory.Create(workspaceId))
        {
            var state = await TelegramBots.StateAsync(db, channelId, stoppingToken);
            if (state.BotId is null)
            {
                var me = await client.GetMe(stoppingToken);
                (state.BotId, state.BotUsername) = (me.Id, me.Username);
                await db.SaveChangesAsync(stoppingToken);
            }

            offset = state.Offset;
            bot = new TelegramBotIdentity(state.BotId!.Value, state.BotUsername);
        }

        var updates = await client.GetUpdates((int)Math.Min(offset, int.MaxValue), 100, options.Value.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        var receive = scope.ServiceProvider.GetRequiredService<ReceiveTelegramUpdates>();
        if (updates.Length > 0)
        {
            await receive.ExecuteAsync(workspaceId, channelId, bot, updates, advanceOffset: true, stoppingToken);
        }
    }

    private async Task<bool> StillPollingAsync(Guid workspaceId, Guid channelId, CancellationToken stoppingToken)
    {
        await using var db = factory.Create(workspaceId);
        var state = await db.TelegramBots.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, stoppingToken);
        return state is null || (state.Mode == TelegramReceiveMode.Polling && state.Healthy);
    }
}
