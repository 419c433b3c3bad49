using System.Xml.Linq;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// What the receiver does with a decrypted callback: events go to the pipeline through <see cref="ConnectorInbound"/>,
/// notices are kept for the console, groups to read again go to <see cref="WeComSync"/>. WeCom retries a callback it
/// has no answer to within 5 seconds, so the receiver waits at most <see cref="AnswerWithin"/>; the work goes on
/// after the answer (the pipeline's writer stores the events, or keeps them pending).
/// </summary>
public sealed class WeComEvents(
    ConnectorInbound inbound, QunyunDbFactory factory, ChannelStateStore states, WeComSync sync,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<WeComEvents> logger)
{
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(4);

    public async Task AcceptAsync(ChannelSnapshot channel, XElement message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var callback = WeComEventMapper.Map(channel.Id, message, now);

        var work = StoreAsync(channel, callback, now, lifetime.ApplicationStopping);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answerAnyway = Task.Delay(AnswerWithin, clock, patience.Token);
        if (await Task.WhenAny(work, answerAnyway) == work)
        {
            await patience.CancelAsync();
            await work;
        }
    }

    private async Task StoreAsync(ChannelSnapshot channel, WeComCallback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (callback.Events.Count > 0)
        {
            var stored = await inbound.AcceptAsync(channel.WorkspaceId, callback.Events, cancellationToken);
            foreach (var error in stored.Errors)
            {
                logger.LogWarning("WeCom channel {Channel}: event {Index} refused at {Field}: {Message}", channel.Id, error.Index, error.Field, error.Message);
            }
        }

        if (callback.Notice is { } notice)
        {
            await using var db = factory.Create(channel.WorkspaceId);
            db.WeComNotices.Add(new WeComNotice
            {
                Id = Guid.CreateVersion7(now),
                ChannelId = channel.Id,
                Type = notice.Type,
                ChangeType = notice.ChangeType,
                ChatId = notice.ChatId,
                Xml = notice.Xml,
                ReceivedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (callback is { Dismissed: true, Notice.ChatId: { } dismissed })
        {
            var title = (await states.ChatsAsync(channel.WorkspaceId, channel.Id, cancellationToken)).FirstOrDefault(c => c.Chat.ExternalId == dismissed).Chat?.Title;
            await states.RememberChatsAsync(channel.WorkspaceId, channel.Id, [new SeenChat(dismissed, title ?? dismissed, WeComSync.Dismissed, false)], cancellationToken);
            await using var db = factory.Create(channel.WorkspaceId);
            await PlatformGroupChanges.DissolveAsync(db, channel.Id, dismissed, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        }

        sync.Refresh(channel.WorkspaceId, channel.Id, callback.Refresh, callback.NewGroup);
        await states.RecordContactAsync(channel.WorkspaceId, channel.Id, cancellationToken);
    }
}
