using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>
/// Long polling, one loop per Telegram channel in polling mode. The supervisor (re)starts loops at start-up, when
/// woken (a channel connected or switched mode) and once a minute; a loop ends when the token is rejected (the
/// channel is then unhealthy until a successful "test connection" wakes it again) or the channel leaves polling.
/// Each page of updates, and each update the webhook endpoint gets, goes in through <see cref="ReceiveAsync"/>.
/// </summary>
public sealed class TelegramPolling(
    ChannelStateStore states, TelegramBots bots, ConnectorInbound inbound, IOptions<TelegramOptions> options, TimeProvider clock,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>What the bot asks Telegram for: chat_member and message_reaction are only sent when asked.</summary>
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.ChatMember, UpdateType.MyChatMember, UpdateType.MessageReaction, UpdateType.ChatJoinRequest];

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
        foreach (var (workspaceId, channelId) in await states.PollingAsync(ChannelKind.Telegram, stoppingToken))
        {
            if (_loops.TryGetValue(channelId, out var running) && !running.IsCompleted)
            {
                continue;
            }

            _loops[channelId] = Task.Run(() => PollAsync(workspaceId, channelId, stoppingToken), stoppingToken);
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
        var state = await states.GetAsync(workspaceId, channelId, stoppingToken);
        if (TelegramBots.IdentityOf(state) is not { } bot)
        {
            var me = await client.GetMe(stoppingToken);
            await states.SetAccountAsync(workspaceId, channelId, me.Id.ToString(CultureInfo.InvariantCulture), me.Username, stoppingToken);
            bot = new TelegramBotIdentity(me.Id, me.Username);
        }

        var updates = await client.GetUpdates((int)Math.Min(state.Cursor, int.MaxValue), 100, options.Value.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
        await ReceiveAsync(workspaceId, channelId, bot, updates, advanceOffset: true, stoppingToken);
    }

    /// <summary>
    /// Stores the updates as Qunyun events through <see cref="ConnectorInbound"/> (durable and idempotent: a replayed
    /// update maps to the same external ids and is reported as a duplicate), remembers the chats seen, then moves the
    /// polling offset past them — in that order, so a crash in between replays the updates instead of losing them.
    /// </summary>
    public async Task ReceiveAsync(
        Guid workspaceId, Guid channelId, TelegramBotIdentity bot, IReadOnlyList<Update> updates, bool advanceOffset, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        var mapped = updates.Select(u => TelegramUpdateMapper.Map(u, channelId, bot)).ToList();
        var events = mapped.SelectMany(m => m.Events).ToList();
        if (events.Count > 0)
        {
            var result = await inbound.AcceptAsync(workspaceId, events, cancellationToken);
            foreach (var error in result.Errors)
            {
                logger.LogWarning("Telegram update for channel {Channel} not stored: event {Index} {Field}: {Message}", channelId, error.Index, error.Field, error.Message);
            }
        }

        await states.RememberChatsAsync(workspaceId, channelId, [.. mapped.Select(m => m.Chat).OfType<SeenChat>()], cancellationToken);
        await states.RecordContactAsync(workspaceId, channelId, cancellationToken, advanceOffset ? updates.Max(u => (long)u.Id) + 1 : null);
    }

    private async Task<bool> StillPollingAsync(Guid workspaceId, Guid channelId, CancellationToken stoppingToken)
    {
        var state = await states.GetAsync(workspaceId, channelId, stoppingToken);
        return state is { Mode: ChannelReceiveMode.Polling, Healthy: true };
    }
}
