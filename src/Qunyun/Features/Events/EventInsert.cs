using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// Set-based insert of a batch of events with their pending markers: multi-row
/// <c>INSERT … ON CONFLICT (ChannelId, ExternalEventId) DO NOTHING RETURNING</c> (SQLite ≥ 3.35 and PostgreSQL share
/// the syntax), so a repeat is skipped by the unique index itself — no read before the write, no race.
/// Runs in the caller's transaction. Tested on both engines through the ingest tests.
/// </summary>
internal static class EventInsert
{
    /// <summary>
    /// Inserts processed events (member and group resolved) and gives each its id; returns how many went in, which is
    /// fewer than given only when another process stored some of them after the caller checked for repeats.
    /// </summary>
    public static async Task<int> InsertAsync(QunyunDb db, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var byKey = events.ToDictionary(e => (e.ChannelId, e.ExternalEventId));
        var sqlite = db.Database.IsSqlite();
        var inserted = 0;
        await new MultiRowCommand(db,
            "INSERT INTO \"Events\" (\"WorkspaceId\", \"ChannelId\", \"ExternalEventId\", \"Kind\", \"ExternalGroupId\", \"ExternalUserId\", \"GroupId\", \"MemberId\", \"OccurredAt\", \"ReceivedAt\", \"Payload\", \"ClockSkewed\", \"Historical\") VALUES",
            "ON CONFLICT (\"ChannelId\", \"ExternalEventId\") DO NOTHING RETURNING \"Id\", \"ChannelId\", \"ExternalEventId\"", 13, null, null, null, null, null, null, "uuid", "uuid")
            .ExecuteAsync(events, e => [e.WorkspaceId, e.ChannelId, e.ExternalEventId, e.Kind, e.ExternalGroupId, e.ExternalUserId, e.GroupId, e.MemberId, e.OccurredAt, e.ReceivedAt, e.Payload, e.ClockSkewed, e.Historical],
                cancellationToken, async (reader, ct) =>
                {
                    while (await reader.ReadAsync(ct))
                    {
                        var channel = sqlite ? Guid.Parse(reader.GetString(1)) : reader.GetGuid(1);
                        byKey[(channel, reader.GetString(2))].Id = reader.GetInt64(0);
                        inserted++;
                    }
                });
        return inserted;
    }

    /// <summary>The (channel, external id) pairs among <paramref name="events"/> that are stored already.</summary>
    public static async Task<HashSet<(Guid Channel, string External)>> StoredAsync(QunyunDb db, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var channels = events.Select(e => e.ChannelId).Distinct().ToList();
        var ids = events.Select(e => e.ExternalEventId).Distinct().ToList();
        var found = await db.Events.IgnoreQueryFilters()
            .Where(e => EF.Parameter(channels).Contains(e.ChannelId) && EF.Parameter(ids).Contains(e.ExternalEventId))
            .Select(e => new { e.ChannelId, e.ExternalEventId }).ToListAsync(cancellationToken);
        return found.Select(f => (f.ChannelId, f.ExternalEventId)).ToHashSet();
    }

    /// <summary>Inserts the events that are new; returns the stored id of each new one, keyed by (channel, external id).</summary>
    public static async Task<Dictionary<(Guid Channel, string External), long>> InsertNewAsync(QunyunDb db, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var inserted = new Dictionary<(Guid, string), long>();
        var sqlite = db.Database.IsSqlite();
        await new MultiRowCommand(db,
            "INSERT INTO \"Events\" (\"WorkspaceId\", \"ChannelId\", \"ExternalEventId\", \"Kind\", \"ExternalGroupId\", \"ExternalUserId\", \"OccurredAt\", \"ReceivedAt\", \"Payload\", \"ClockSkewed\", \"Historical\") VALUES",
            "ON CONFLICT (\"ChannelId\", \"ExternalEventId\") DO NOTHING RETURNING \"Id\", \"ChannelId\", \"ExternalEventId\"", 11)
            .ExecuteAsync(events, e => [e.WorkspaceId, e.ChannelId, e.ExternalEventId, e.Kind, e.ExternalGroupId, e.ExternalUserId, e.OccurredAt, e.ReceivedAt, e.Payload, e.ClockSkewed, e.Historical],
                cancellationToken, async (reader, ct) =>
                {
                    while (await reader.ReadAsync(ct))
                    {
                        var channel = sqlite ? Guid.Parse(reader.GetString(1)) : reader.GetGuid(1);
                        inserted[(channel, reader.GetString(2))] = reader.GetInt64(0);
                    }
                });

        var workspaceId = db.WorkspaceId;
        await new MultiRowCommand(db, "INSERT INTO \"PendingEvents\" (\"EventId\", \"WorkspaceId\") VALUES", "", 2)
            .ExecuteAsync(inserted.Values.ToList(), id => [id, workspaceId], cancellationToken);
        return inserted;
    }
}
