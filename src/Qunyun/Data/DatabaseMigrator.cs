using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qunyun.Data;

/// <summary>Brings the database to the current schema; turns "cannot reach it" into one clear line.</summary>
public sealed class DatabaseMigrator(QunyunDbFactory factory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var options = factory.Options;
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                EnsureSqliteDirectory(options.ConnectionString);
            }

            await using var db = factory.CreateUnscoped();
            if (options.Provider == DatabaseProvider.Postgres)
            {
                // On a new database Npgsql reads the history table before creating it and logs that as a failed command
                // (npgsql/efcore.pg#3407): an operator's first start would begin with "fail:". The database (Migrate would
                // create it) and the table, as EF makes them, first.
                var creator = db.GetService<IRelationalDatabaseCreator>();
                if (!await creator.ExistsAsync(cancellationToken))
                {
                    await creator.CreateAsync(cancellationToken);
                }

                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets the console read while the pipeline writes; the setting is stored in the file.
                // optimize refreshes the planner's statistics where they are stale (SQLite has no autovacuum analyze).
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
            }

            logger.LogInformation("Database ready ({Provider})", options.Provider);
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or IOException or UnauthorizedAccessException
                                      || e is InvalidOperationException { InnerException: DbException or SocketException or TimeoutException })
        {
            var where = ConnectionStrings.Redact(options.Provider, options.ConnectionString);
            throw new StartupException(
                $"Cannot open the database (Database:Provider = {options.Provider}, ConnectionStrings:Qunyun = \"{where}\"): {Innermost(e).Message}", e);
        }
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
