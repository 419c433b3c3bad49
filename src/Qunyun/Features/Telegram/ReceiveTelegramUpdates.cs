using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Events;
using Telegram.Bot.Types;

namespace Qunyun.Features.Telegram;

/// <summary>
/// Stores a batch of updates as Qunyun events through the ingest use case (durable and idempotent: a replayed update
/// maps to the same external ids and is reported as a duplicate), remembers the chats seen, then moves the polling
/// offset past the batch — in that order, so a crash in between replays the batch instead of losing it.
/// </summary>
public sealed class ReceiveTelegramUpdates(QunyunDbFactory factory, IngestEvents ingest, TimeProvider clock, ILogger<ReceiveTelegramUpdates> logger)
{
    public async Task ExecuteAsync(Guid workspaceId, Guid channelId, TelegramBotIdentity bot, IReadOnlyList<Update> updates, bool advanceOffset, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        var mapped = updates.Select(u => TelegramUpdateMapper.Map(u, channelId, bot)).ToList();
        await using var db = factory.Create(workspaceId);
        var events = mapped.SelectMany(m => m.Events).ToList();
        if (events.Count > 0)
        {
            var result = await ingest.ExecuteAsync(db, events, cancellationToken);
            foreach (var error in result.Errors)
            {
                logger.LogWarning("Telegram update for channel {Channel} not stored: event {Index} {Field}: {Message}", channelId, error.Index, error.Field, error.Message);
            }
        }

        await RememberChatsAsync(db, channelId, mapped.Select(m => m.Chat).OfType<SeenChat>().ToList(), cancellationToken);
        var state = await TelegramBots.StateAsync(db, channelId, cancellationToken);
        if (advanceOffset)
        {
            state.Offset = Math.Max(state.Offset, updates.Max(u => (long)u.Id) + 1);
        }

        state.Healthy = true;
        state.LastContactAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RememberChatsAsync(QunyunDb db, Guid channelId, List<SeenChat> seen, CancellationToken cancellationToken)
    {
        var latest = seen.GroupBy(c => c.Id).Select(g => g.Last()).ToList();
        if (latest.Count == 0)
        {
            return;
        }

        var ids = latest.Select(c => c.Id).ToList();
        var known = await db.TelegramChats.Where(c => c.ChannelId == channelId && ids.Contains(c.ChatId)).ToDictionaryAsync(c => c.ChatId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chat in latest)
        {
            if (!known.TryGetValue(chat.Id, out var row))
            {
                row = new TelegramChat { Id = Guid.CreateVersion7(clock.GetUtcNow()), ChannelId = channelId, ChatId = chat.Id, Title = chat.Title, Type = chat.Type };
                db.TelegramChats.Add(row);
            }

            row.Title = chat.Title.Length > 256 ? chat.Title[..256] : chat.Title;
            row.Type = chat.Type;
            row.BotIsMember = chat.BotIsMember;
            row.SeenAt = now;
        }
    }
}
