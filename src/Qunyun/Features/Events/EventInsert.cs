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
    /// <summary>Inserts the events that are new; returns the stored id of each new one, keyed by (channel, external id).</summary>
    public static async Task<Dictionary<(Guid Channel, string External), long>> InsertNewAsync(QunyunDb db, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var inserted = new Dictionary<(Guid, string), long>();
        var sqlite = db.Database.IsSqlite();
        await new MultiRowCommand(db,
            "INSERT INTO \"Events\" (\"WorkspaceId\", \"ChannelId\", \"ExternalEventId\", \"Kind\", \"ExternalGroupId\", \"ExternalUserId\", \"OccurredAt\", \"ReceivedAt\", \"Payload\", \"ClockSkewed\") VALUES",
            "ON CONFLICT (\"ChannelId\", \"ExternalEventId\") DO NOTHING RETURNING \"Id\", \"ChannelId\", \"ExternalEventId\"", 10)
            .ExecuteAsync(events, e => [e.WorkspaceId, e.ChannelId, e.ExternalEventId, e.Kind, e.ExternalGroupId, e.ExternalUserId, e.OccurredAt, e.ReceivedAt, e.Payload, e.ClockSkewed],
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
