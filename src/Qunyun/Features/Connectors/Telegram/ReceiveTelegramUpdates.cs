using Qunyun.Features.Channels;
using Telegram.Bot.Types;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>
/// Stores a batch of updates as Qunyun events through <see cref="ConnectorInbound"/> (durable and idempotent: a replayed update
/// maps to the same external ids and is reported as a duplicate), remembers the chats seen, then moves the polling
/// offset past the batch — in that order, so a crash in between replays the batch instead of losing it.
/// </summary>
public sealed class ReceiveTelegramUpdates(ConnectorInbound inbound, ChannelStateStore states, ILogger<ReceiveTelegramUpdates> logger)
{
    public async Task ExecuteAsync(Guid workspaceId, Guid channelId, TelegramBotIdentity bot, IReadOnlyList<Update> updates, bool advanceOffset, CancellationToken cancellationToken)
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
}
