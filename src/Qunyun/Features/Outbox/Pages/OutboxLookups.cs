using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Outbox.Pages;

public sealed record ActionMember(Guid Id, string Name);

/// <summary>A message an action is about (the one it deletes, pins or answers), or the event that caused it.</summary>
public sealed record ActionEvent(long Id, Guid? GroupId, string? Excerpt, ActionMember? Member, string Kind);

/// <summary>
/// What the rows of one page of the outbox name, read in a few set queries: the members behind platform user ids, the
/// messages behind platform event ids (per channel, so each query uses the channel's unique index), the events that
/// caused them and the decisions that queued them.
/// </summary>
public sealed class OutboxLookups
{
    public Dictionary<Guid, ParsedAction> Actions { get; } = [];
    public Dictionary<(Guid Channel, string ExternalUserId), ActionMember> Members { get; } = [];
    public Dictionary<(Guid Channel, string ExternalEventId), ActionEvent> Events { get; } = [];
    public Dictionary<long, ActionEvent> Causes { get; } = [];
    public Dictionary<string, ActionOrigin> Origins { get; } = [];

    public ActionMember? Member(OutboxItem item, string? externalUserId) =>
        externalUserId is null ? null : Members.GetValueOrDefault((item.ChannelId, externalUserId));

    public ActionEvent? Event(OutboxItem item, string? externalEventId) =>
        externalEventId is null ? null : Events.GetValueOrDefault((item.ChannelId, externalEventId));

    public ActionEvent? Cause(OutboxItem item) => item.EventId is { } id ? Causes.GetValueOrDefault(id) : null;

    public static async Task<OutboxLookups> LoadAsync(
        QunyunDb db, IReadOnlyList<OutboxItem> items, IActionMessages messages, IEnumerable<IActionOrigins> origins, CancellationToken cancellationToken)
    {
        var lookups = new OutboxLookups();
        var users = new List<(Guid Channel, string Id)>();
        var events = new List<(Guid Channel, string Id)>();
        foreach (var item in items)
        {
            var parsed = ConnectorActionParser.Parse(item.Action, item.Payload);
            lookups.Actions[item.Id] = parsed;
            if (parsed is ParsedAction.Ok { Action: var action })
            {
                users.AddRange(UsersOf(action).Select(u => (item.ChannelId, u)));
                events.AddRange(EventsOf(action).Select(e => (item.ChannelId, e)));
            }
        }

        foreach (var channel in users.GroupBy(u => u.Channel))
        {
            var ids = channel.Select(u => u.Id).Distinct().ToList();
            var found = await db.MemberIdentities.AsNoTracking().Where(i => i.ChannelId == channel.Key && ids.Contains(i.ExternalUserId))
                .Select(i => new { i.ExternalUserId, i.MemberId, i.Member!.DisplayName }).ToListAsync(cancellationToken);
            found.ForEach(i => lookups.Members[(channel.Key, i.ExternalUserId)] = new ActionMember(i.MemberId, i.DisplayName));
        }

        foreach (var channel in events.GroupBy(e => e.Channel))
        {
            var found = await messages.FindAsync(db, channel.Key, channel.Select(e => e.Id).Distinct().ToList(), cancellationToken);
            foreach (var (id, message) in await NamedAsync(db, found, cancellationToken))
            {
                lookups.Events[(channel.Key, id)] = message;
            }
        }

        var causes = items.Select(i => i.EventId).OfType<long>().Distinct().ToList();
        if (causes.Count > 0)
        {
            foreach (var (id, cause) in await NamedAsync(db, await messages.ByIdsAsync(db, causes, cancellationToken), cancellationToken))
            {
                lookups.Causes[id] = cause;
            }
        }

        var keys = items.Select(i => i.IdempotencyKey).ToList();
        foreach (var source in origins)
        {
            foreach (var (key, origin) in await source.ByKeysAsync(db, keys, cancellationToken))
            {
                lookups.Origins[key] = origin;
            }
        }

        return lookups;
    }

    private static async Task<Dictionary<TKey, ActionEvent>> NamedAsync<TKey>(
        QunyunDb db, IReadOnlyDictionary<TKey, ActionMessage> found, CancellationToken cancellationToken) where TKey : notnull
    {
        var authors = found.Values.Select(m => m.MemberId).OfType<Guid>().Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => authors.Contains(m.Id))
            .Select(m => new { m.Id, m.DisplayName }).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        return found.ToDictionary(f => f.Key, f => new ActionEvent(f.Value.EventId, f.Value.GroupId, f.Value.Text,
            f.Value.MemberId is { } member && names.TryGetValue(member, out var name) ? new ActionMember(member, name) : null, f.Value.Kind));
    }

    private static IEnumerable<string> UsersOf(ConnectorAction action) => action switch
    {
        SendPrivateAction p => [p.ExternalUserId],
        DeleteMessageAction { ExternalUserId: { } user } => [user],
        MuteAction m => [m.ExternalUserId],
        MemberAction m => [m.ExternalUserId],
        CreateInviteLinkAction { InviterExternalUserId: { } inviter } => [inviter],
        _ => [],
    };

    private static IEnumerable<string> EventsOf(ConnectorAction action) => action switch
    {
        SendTextAction { ReplyToExternalEventId: { } reply } => [reply],
        SendImageAction { ReplyToExternalEventId: { } reply } => [reply],
        DeleteMessageAction d => [d.ExternalEventId],
        PinAction p => [p.ExternalEventId],
        _ => [],
    };
}
