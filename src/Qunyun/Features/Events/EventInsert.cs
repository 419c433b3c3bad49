using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// Set-based insert of a batch of events with their pending markers: one multi-row
/// <c>INSERT … ON CONFLICT (ChannelId, ExternalEventId) DO NOTHING RETURNING</c> (SQLite ≥ 3.35 and PostgreSQL share
/// the syntax), so a repeat is skipped by the unique index itself — no read before the write, no race.
/// Runs in the caller's transaction. Tested on both engines through the ingest tests.
/// </summary>
internal static class EventInsert
{
    private const string Columns = "\"WorkspaceId\", \"ChannelId\", \"ExternalEventId\", \"Kind\", \"ExternalGroupId\", \"ExternalUserId\", \"OccurredAt\", \"ReceivedAt\", \"Payload\", \"ClockSkewed\"";
    private const int ColumnCount = 10;

    /// <summary>Inserts the events that are new; returns the stored id of each new one, keyed by (channel, external id).</summary>
    public static async Task<Dictionary<(Guid Channel, string External), long>> InsertNewAsync(QunyunDb db, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var inserted = new Dictionary<(Guid, string), long>();
        var sqlite = db.Database.IsSqlite();

        // SQLite looks named parameters up one by one (linear in their number), so long statements cost quadratically.
        foreach (var chunk in events.Chunk(sqlite ? 100 : 1000))
        {
            await InsertChunkAsync(db, chunk, sqlite, inserted, cancellationToken);
        }

        return inserted;
    }

    private static async Task InsertChunkAsync(
        QunyunDb db, IReadOnlyList<Event> events, bool sqlite, Dictionary<(Guid, string), long> inserted, CancellationToken cancellationToken)
    {
        var before = inserted.Count;
        var connection = db.Database.GetDbConnection();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder($"INSERT INTO \"Events\" ({Columns}) VALUES ");
            for (var row = 0; row < events.Count; row++)
            {
                var e = events[row];
                sql.Append(row == 0 ? "(" : ", (");
                object?[] values = [Id(e.WorkspaceId, sqlite), Id(e.ChannelId, sqlite), e.ExternalEventId, e.Kind, e.ExternalGroupId, e.ExternalUserId, e.OccurredAt, e.ReceivedAt, e.Payload, e.ClockSkewed];
                for (var column = 0; column < ColumnCount; column++)
                {
                    var name = $"@p{(row * ColumnCount) + column}";
                    sql.Append(column == 0 ? name : ", " + name);
                    insert.Parameters.Add(Parameter(insert, name, values[column]));
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (\"ChannelId\", \"ExternalEventId\") DO NOTHING RETURNING \"Id\", \"ChannelId\", \"ExternalEventId\"");
            insert.CommandText = sql.ToString();
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var channel = sqlite ? Guid.Parse(reader.GetString(1)) : reader.GetGuid(1);
                inserted[(channel, reader.GetString(2))] = reader.GetInt64(0);
            }
        }

        if (inserted.Count > before)
        {
            await InsertPendingAsync(db, connection, inserted.Values.Skip(before), events[0].WorkspaceId, sqlite, cancellationToken);
        }
    }

    private static async Task InsertPendingAsync(QunyunDb db, DbConnection connection, IEnumerable<long> ids, Guid workspaceId, bool sqlite, CancellationToken cancellationToken)
    {
        await using var pending = connection.CreateCommand();
        pending.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        pending.Parameters.Add(Parameter(pending, "@w", Id(workspaceId, sqlite)));
        var sql = new StringBuilder("INSERT INTO \"PendingEvents\" (\"EventId\", \"WorkspaceId\") VALUES ");
        var index = 0;
        foreach (var id in ids)
        {
            sql.Append(index == 0 ? "" : ", ").Append($"(@e{index}, @w)");
            pending.Parameters.Add(Parameter(pending, $"@e{index++}", id));
        }

        pending.CommandText = sql.ToString();
        await pending.ExecuteNonQueryAsync(cancellationToken);
    }

    // EF Core stores GUIDs in SQLite as upper-case text; raw parameters must match or lookups miss.
    private static object Id(Guid id, bool sqlite) => sqlite ? id.ToString().ToUpperInvariant() : id;

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
