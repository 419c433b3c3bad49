using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Sizing;

/// <summary>
/// Who replied to or mentioned whom in one group over a window, from the stored messages: the replies resolve against
/// the window's own messages (and, in one more query, older ones), mentions against the channel's user ids and the
/// members' names. Not a hot path: a few set queries when an operator asks for a proposal.
/// </summary>
internal static class SplitInteractions
{
    public static async Task<Dictionary<(Guid A, Guid B), double>> ReadAsync(
        QunyunDb db, Guid groupId, Guid channelId, IReadOnlyDictionary<Guid, string> members, DateTime since, CancellationToken cancellationToken)
    {
        var message = EventKind.Message.WireName();
        var messages = await db.Events.AsNoTracking()
            .Where(e => e.GroupId == groupId && e.Kind == message && e.OccurredAt >= since && e.MemberId != null)
            .Select(e => new { MemberId = e.MemberId!.Value, e.ExternalEventId, e.Payload })
            .ToListAsync(cancellationToken);
        var authors = messages.GroupBy(m => m.ExternalEventId).ToDictionary(g => g.Key, g => g.First().MemberId);
        var bodies = messages.Select(m => (m.MemberId, Body: EventPayload.Read(m.Payload).Message)).Where(m => m.Body is not null).ToList();

        var olderTargets = bodies.Select(m => m.Body!.ReplyToExternalEventId).OfType<string>().Where(t => !authors.ContainsKey(t)).Distinct().ToList();
        if (olderTargets.Count > 0)
        {
            foreach (var older in await db.Events.AsNoTracking()
                         .Where(e => e.ChannelId == channelId && olderTargets.Contains(e.ExternalEventId) && e.MemberId != null)
                         .Select(e => new { e.ExternalEventId, MemberId = e.MemberId!.Value }).ToListAsync(cancellationToken))
            {
                authors[older.ExternalEventId] = older.MemberId;
            }
        }

        var handles = bodies.SelectMany(m => m.Body!.Mentions ?? []).Select(h => h.TrimStart('@')).Distinct().ToList();
        var mentioned = handles.Count == 0 ? [] : await db.MemberIdentities.AsNoTracking()
            .Where(i => i.ChannelId == channelId && handles.Contains(i.ExternalUserId))
            .ToDictionaryAsync(i => i.ExternalUserId, i => i.MemberId, cancellationToken);
        foreach (var (id, name) in members)
        {
            mentioned.TryAdd(name, id);
        }

        var edges = new Dictionary<(Guid A, Guid B), double>();
        foreach (var (author, body) in bodies)
        {
            if (body!.ReplyToExternalEventId is { } target && authors.TryGetValue(target, out var repliedTo))
            {
                Add(edges, members, author, repliedTo);
            }

            foreach (var handle in (body.Mentions ?? []).Select(h => h.TrimStart('@')).Distinct())
            {
                if (mentioned.TryGetValue(handle, out var other))
                {
                    Add(edges, members, author, other);
                }
            }
        }

        return edges;
    }

    private static void Add(Dictionary<(Guid A, Guid B), double> edges, IReadOnlyDictionary<Guid, string> members, Guid a, Guid b)
    {
        if (a == b || !members.ContainsKey(a) || !members.ContainsKey(b))
        {
            return;
        }

        var key = a.CompareTo(b) < 0 ? (a, b) : (b, a);
        edges[key] = edges.GetValueOrDefault(key) + 1;
    }
}
