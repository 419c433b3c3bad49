using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Events;

/// <summary>The messages outbox rows name, read through the (channel, external event id) unique index.</summary>
internal sealed class ActionMessages : IActionMessages
{
    public async Task<IReadOnlyDictionary<string, ActionMessage>> FindAsync(
        QunyunDb db, Guid channelId, IReadOnlyCollection<string> externalEventIds, CancellationToken cancellationToken)
    {
        var ids = externalEventIds.ToList();
        var found = await db.Events.AsNoTracking().Where(e => e.ChannelId == channelId && ids.Contains(e.ExternalEventId))
            .Select(e => new { e.Id, e.ExternalEventId, e.GroupId, e.MemberId, e.Payload }).ToListAsync(cancellationToken);
        return found.ToDictionary(e => e.ExternalEventId, e => new ActionMessage(e.Id, e.GroupId, e.MemberId, EventPayload.Read(e.Payload).Message?.Text));
    }
}
