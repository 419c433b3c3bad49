using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Qunyun.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every second from its own connection, beside the
/// pipeline's writer rather than inside one of its commits: a passive checkpoint waits for no one and blocks no one.
/// Left to SQLite, the commit that crosses <c>wal_autocheckpoint</c> pays for the whole copy and its fsync, and the
/// events waiting behind that batch wait with it; the automatic checkpoint stays as the backstop when this is not running.
/// </summary>
public sealed class SqliteCheckpointer(DatabaseOptions options, QunyunDbFactory factory, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>One passive checkpoint; returns the log's frames and how many of them are now in the database file.</summary>
    public async Task<(long Frames, long Copied)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite || !File.Exists(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception e) when (e is SqliteException or IOException)
            {
                logger.LogDebug(e, "Checkpoint skipped");
            }
        }
    }
}
