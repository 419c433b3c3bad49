using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Events;

/// <summary>The events outbox rows name: messages through the (channel, external event id) unique index, causes by id.</summary>
internal sealed class ActionMessages : IActionMessages
{
    public async Task<IReadOnlyDictionary<string, ActionMessage>> FindAsync(
        QunyunDb db, Guid channelId, IReadOnlyCollection<string> externalEventIds, CancellationToken cancellationToken)
    {
        var ids = externalEventIds.ToList();
        var found = await db.Events.AsNoTracking().Where(e => e.ChannelId == channelId && ids.Contains(e.ExternalEventId))
            .Select(e => new { e.Id, e.ExternalEventId, e.GroupId, e.MemberId, e.Payload, e.Kind }).ToListAsync(cancellationToken);
        return found.ToDictionary(e => e.ExternalEventId, e => new ActionMessage(e.Id, e.GroupId, e.MemberId, EventPayload.Read(e.Payload).Message?.Text, e.Kind));
    }

    public async Task<IReadOnlyDictionary<long, ActionMessage>> ByIdsAsync(QunyunDb db, IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken)
    {
        var ids = eventIds.ToList();
        var found = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.GroupId, e.MemberId, e.Payload, e.Kind }).ToListAsync(cancellationToken);
        return found.ToDictionary(e => e.Id, e => new ActionMessage(e.Id, e.GroupId, e.MemberId, EventPayload.Read(e.Payload).Message?.Text, e.Kind));
    }
}
