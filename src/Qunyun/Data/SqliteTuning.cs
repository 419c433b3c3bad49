using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunyun.Data;

/// <summary>
/// Per-connection SQLite settings: memory-mapped reads and a larger page cache make the random lookups of list
/// pages (a member by id, a membership by member) cheap once the file is warm; busy_timeout lets readers wait out a writer.
/// Both count in the process's working set once touched (a 1 GiB map made a 1,000,000-event run peak at 1.5 GB), so
/// they stay modest: past the map, pages come from the operating system's file cache, which is not the process's.
/// A pipeline batch dirties index pages all over the file (member, group and time keys arrive in no order) and the WAL
/// takes every dirty page per commit; checkpointing every 10,000 pages (~40 MB) rather than 1,000 copies a page that
/// many batches touched back once instead of ten times.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size=134217728; PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=10000; PRAGMA busy_timeout=5000;";

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
