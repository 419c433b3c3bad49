using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Features.Events;
using Qunyun.Features.Moderation;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.GroupChat;

/// <summary>
/// A group's conversation, paged backwards from the newest line: its messages, joins and leaves (events, by the
/// (GroupId, OccurredAt) index) and the bot's posts and replies, merged by time. A post stands where members saw it,
/// at its delivery (the (GroupId, DeliveredAt) index) — a reply delivered after a backlog comes after what was said
/// meanwhile — and one still waiting stands at the time it was queued ((GroupId, CreatedAt)), marked queued. Each
/// source reads at most one page past the cursor, so a page costs three index range scans plus set lookups for names
/// and moderation.
/// </summary>
public static class GroupConversation
{
    private static readonly string[] Kinds = [EventKind.Message.WireName(), EventKind.MemberJoined.WireName(), EventKind.MemberLeft.WireName()];
    private static readonly string[] BotActions = [ConnectorActions.SendText, ConnectorActions.Reply, ConnectorActions.SendImage];

    public static async Task<ChatPage> PageAsync(QunyunDb db, Guid groupId, ChatCursor? before, int size, CancellationToken cancellationToken)
    {
        var events = db.Events.AsNoTracking().Where(e => e.GroupId == groupId && Kinds.Contains(e.Kind));
        var posts = db.Outbox.AsNoTracking().Where(o => o.GroupId == groupId && BotActions.Contains(o.Action));
        var delivered = posts.Where(o => o.Status == OutboxStatus.Delivered && o.DeliveredAt != null);
        var queued = posts.Where(o => o.Status == OutboxStatus.Pending);
        if (before is { } c)
        {
            events = c.FromOutbox
                ? events.Where(e => e.OccurredAt <= c.At)
                : events.Where(e => e.OccurredAt < c.At || (e.OccurredAt == c.At && e.Id < c.Id));
            delivered = c.FromOutbox
                ? delivered.Where(o => o.DeliveredAt < c.At || (o.DeliveredAt == c.At && o.Sequence < c.Id))
                : delivered.Where(o => o.DeliveredAt < c.At);
            queued = c.FromOutbox
                ? queued.Where(o => o.CreatedAt < c.At || (o.CreatedAt == c.At && o.Sequence < c.Id))
                : queued.Where(o => o.CreatedAt < c.At);
        }

        var said = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(size + 1)
            .Select(e => new { e.Id, e.Kind, e.OccurredAt, e.MemberId, e.ChannelId, e.ExternalEventId, e.Payload }).ToListAsync(cancellationToken);
        var sent = await delivered.OrderByDescending(o => o.DeliveredAt).ThenByDescending(o => o.Sequence).Take(size + 1)
            .Select(o => new Post(o.Sequence, o.DeliveredAt!.Value, o.ChannelId, o.Action, o.Payload, false)).ToListAsync(cancellationToken);
        sent.AddRange(await queued.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Sequence).Take(size + 1)
            .Select(o => new Post(o.Sequence, o.CreatedAt, o.ChannelId, o.Action, o.Payload, true)).ToListAsync(cancellationToken));

        var botActions = sent.ToDictionary(o => o.Sequence, o => ConnectorActionParser.Parse(o.Action, o.Payload) is ParsedAction.Ok ok ? ok.Action : null);
        var repliedTo = botActions.Values.Select(a => a switch
        {
            SendTextAction t => t.ReplyToExternalEventId,
            SendImageAction i => i.ReplyToExternalEventId,
            _ => null,
        }).OfType<string>().Distinct().ToList();
        var channel = said.Select(e => (Guid?)e.ChannelId).FirstOrDefault() ?? sent.Select(o => (Guid?)o.ChannelId).FirstOrDefault();
        var replied = await db.Events.AsNoTracking().Where(e => e.ChannelId == channel && repliedTo.Contains(e.ExternalEventId))
            .Select(e => new { e.ExternalEventId, e.MemberId }).ToDictionaryAsync(e => e.ExternalEventId, e => e.MemberId, cancellationToken);

        var memberIds = said.Select(e => e.MemberId).Concat(replied.Values).OfType<Guid>().Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.DisplayName }).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var moderated = await DecisionOrigins.ForEventsAsync(db, said.Where(e => e.Kind == Kinds[0]).Select(e => e.Id).ToList(), cancellationToken);

        var lines = said.Select(e =>
        {
            var message = e.Kind == Kinds[0] ? EventPayload.Read(e.Payload).Message : null;
            var kind = e.Kind == Kinds[0] ? ChatLineKind.Message : e.Kind == Kinds[1] ? ChatLineKind.Joined : ChatLineKind.Left;
            return new ChatLine(kind, e.OccurredAt, new ChatCursor(e.OccurredAt, false, e.Id), e.Id, e.MemberId, Name(names, e.MemberId),
                message?.Text, message?.Attachments is { Count: > 0 }, null, null, moderated.GetValueOrDefault(e.Id), false);
        }).Concat(sent.Select(o =>
        {
            var action = botActions[o.Sequence];
            var (text, image, reply) = action switch
            {
                SendTextAction t => (t.Text, false, t.ReplyToExternalEventId),
                SendImageAction i => (i.Caption, true, i.ReplyToExternalEventId),
                _ => (null, false, null),
            };
            var to = reply is not null ? replied.GetValueOrDefault(reply) : null;
            return new ChatLine(ChatLineKind.Bot, o.At, new ChatCursor(o.At, true, o.Sequence), null, null, null, text, image,
                Name(names, to), to, null, o.Queued);
        }))
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Cursor.FromOutbox).ThenByDescending(l => l.Cursor.Id)
            .ToList();

        var page = lines.Take(size).Reverse().ToList();
        return new ChatPage(page, lines.Count > size ? page[0].Cursor : null);
    }

    /// <summary>The cursor that makes a page end with this event (the operator followed a link to it).</summary>
    public static async Task<ChatCursor?> JustAfterAsync(QunyunDb db, Guid groupId, long eventId, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().Where(e => e.Id == eventId && e.GroupId == groupId)
            .Select(e => new ChatCursor(e.OccurredAt, false, e.Id + 1)).FirstOrDefaultAsync(cancellationToken);

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } member ? names.GetValueOrDefault(member) : null;

    /// <summary>A bot post where it stands in the conversation: delivered, or queued (not yet out).</summary>
    private sealed record Post(long Sequence, DateTime At, Guid ChannelId, string Action, string Payload, bool Queued);
}
