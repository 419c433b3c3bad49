using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunyun.Data;

/// <summary>
/// Per-connection SQLite settings. The page cache (8 MiB per connection) keeps the hot pages of list queries and of
/// the pipeline's writes; no memory map, because mapped pages count in the process's working set once touched (a 1 GiB
/// map put a 1,000,000-event run at 1.5 GB, 128 MiB still cost ~120 MB) while the operating system's file cache serves
/// the same pages outside it. A pipeline batch dirties index pages all over the file (member, group and time keys
/// arrive in no order) and the WAL takes every dirty page per commit: checkpointing every 10,000 pages (~40 MB) rather
/// than 1,000 copies a page many batches touched back once instead of ten times. busy_timeout lets readers wait out a writer.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size=0; PRAGMA cache_size=-8192; PRAGMA wal_autocheckpoint=10000; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
