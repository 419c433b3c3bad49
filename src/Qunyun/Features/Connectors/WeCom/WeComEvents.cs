using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// What one stored callback becomes: events go to the pipeline through <see cref="ConnectorInbound"/> (with the
/// customer's tags read from WeCom when they may have changed), tag renames and deletions reach the Tags feature,
/// notices are kept for the console, groups to read again go to <see cref="WeComSync"/>. Safe to repeat for the same
/// entry: events have stable ids, the notice takes the entry's id, and the entry is deleted with the notice.
/// </summary>
public sealed class WeComEvents(
    ConnectorInbound inbound, QunyunDbFactory factory, ChannelStateStore states, WeComSync sync, WeComChannels channels, WeComTags tags,
    TimeProvider clock, ILogger<WeComEvents> logger)
{
    public async Task ProcessAsync(ChannelSnapshot channel, WeComInboxEntry entry, XElement message, CancellationToken cancellationToken)
    {
        var receivedAt = new DateTimeOffset(entry.ReceivedAt, TimeSpan.Zero);
        var callback = WeComEventMapper.Map(channel.Id, message, receivedAt);
        var events = callback.Events.ToList();
        if (callback.TagsOf is { } customer && await ContactTagsAsync(channel, customer, cancellationToken) is { } carried)
        {
            var edited = events[0];
            events.Add(edited with { ExternalEventId = Cap("tags:" + edited.ExternalEventId), Custom = PlatformTags.Event(carried) });
        }

        if (events.Count > 0)
        {
            var stored = await inbound.AcceptAsync(channel.WorkspaceId, events, cancellationToken);
            foreach (var error in stored.Errors)
            {
                logger.LogWarning("WeCom channel {Channel}: event {Index} refused at {Field}: {Message}", channel.Id, error.Index, error.Field, error.Message);
            }
        }

        if (callback.CorpTagsChanged)
        {
            await ReconcileTagsAsync(channel, cancellationToken);
        }

        if (callback is { Dismissed: true, Notice.ChatId: { } dismissed })
        {
            var title = (await states.ChatsAsync(channel.WorkspaceId, channel.Id, cancellationToken)).FirstOrDefault(c => c.Chat.ExternalId == dismissed).Chat?.Title;
            await states.RememberChatsAsync(channel.WorkspaceId, channel.Id, [new SeenChat(dismissed, title ?? dismissed, WeComSync.Dismissed, false)], cancellationToken);
            await using var db = factory.Create(channel.WorkspaceId);
            await PlatformGroupChanges.DissolveAsync(db, channel.Id, dismissed, DateOnly.FromDateTime(entry.ReceivedAt), cancellationToken);
        }

        sync.Refresh(channel.WorkspaceId, channel.Id, callback.Refresh, callback.NewGroup);
        await states.RecordContactAsync(channel.WorkspaceId, channel.Id, cancellationToken);
        await FinishAsync(channel, entry, callback.Notice, cancellationToken);
    }

    /// <summary>
    /// A refusal that retrying cannot change (no permission for the tag list) is logged and the callback goes on; any
    /// other failure keeps the callback in the inbox for a retry.
    /// </summary>
    private async Task ReconcileTagsAsync(ChannelSnapshot channel, CancellationToken cancellationToken)
    {
        if (await channels.CredentialsAsync(channel.WorkspaceId, channel.Id, cancellationToken) is not { } credentials)
        {
            return;
        }

        IReadOnlyList<PlatformTag> current;
        try
        {
            current = await tags.OfCorpAsync(credentials, cancellationToken);
        }
        catch (WeComException e) when (e.CredentialsRefused)
        {
            logger.LogWarning("WeCom channel {Channel}: the corp's tag list could not be read: {Error}", channel.Id, e.Message);
            return;
        }

        await using var db = factory.Create(channel.WorkspaceId);
        await PlatformTags.ReconcileAsync(db, channel.Id, current, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>The customer's corporate tags; null when WeCom cannot say (the edit event goes on without them).</summary>
    private async Task<IReadOnlyList<PlatformTag>?> ContactTagsAsync(ChannelSnapshot channel, string customer, CancellationToken cancellationToken)
    {
        if (await channels.CredentialsAsync(channel.WorkspaceId, channel.Id, cancellationToken) is not { } credentials)
        {
            return null;
        }

        try
        {
            return await tags.OfContactAsync(credentials, customer, cancellationToken);
        }
        catch (WeComException e)
        {
            logger.LogWarning("WeCom channel {Channel}: the tags of {Customer} could not be read: {Error}", channel.Id, customer, e.Message);
            return null;
        }
    }

    /// <summary>The notice and the entry's deletion commit together, so a repeat of the entry finds its notice.</summary>
    private async Task FinishAsync(ChannelSnapshot channel, WeComInboxEntry entry, WeComNoticeFacts? notice, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(channel.WorkspaceId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (notice is not null && !await db.WeComNotices.AnyAsync(n => n.Id == entry.Id, cancellationToken))
        {
            db.WeComNotices.Add(new WeComNotice
            {
                Id = entry.Id,
                ChannelId = channel.Id,
                Type = notice.Type,
                ChangeType = notice.ChangeType,
                ChatId = notice.ChatId,
                Xml = notice.Xml,
                ReceivedAt = entry.ReceivedAt,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await db.WeComInbox.Where(e => e.Id == entry.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Cap(string value) => value.Length > Events.IngestValidation.MaxIdLength ? value[..Events.IngestValidation.MaxIdLength] : value;
}
