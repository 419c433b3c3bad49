using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Qunyun.Data;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Hosting;

/// <summary>The first start on a database that does not exist yet: created and migrated, and a second start changes nothing.</summary>
public sealed class MigrateTests
{
    [Fact]
    public async Task Migrate_CreatesAMissingDatabase_AndASecondRunFindsNothingToDo()
    {
        await using var scratch = TestDatabase.Create();
        var postgres = scratch.Provider == "Postgres";
        var connectionString = postgres
            ? new NpgsqlConnectionStringBuilder(scratch.ConnectionString) { Database = $"qunyun_new_{Guid.NewGuid():N}" }.ConnectionString
            : $"Data Source={Path.Combine(scratch.Folder, "not-yet", "qunyun.db")}";
        var factory = new QunyunDbFactory(new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(scratch.Provider), ConnectionString = connectionString },
            NullLoggerFactory.Instance);
        var migrator = new DatabaseMigrator(factory, NullLogger<DatabaseMigrator>.Instance);
        try
        {
            await migrator.MigrateAsync(CancellationToken.None);
            await migrator.MigrateAsync(CancellationToken.None);

            await using var db = factory.CreateUnscoped();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Workspaces.IgnoreQueryFilters().CountAsync());
        }
        finally
        {
            if (postgres)
            {
                NpgsqlConnection.ClearAllPools();
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                var name = builder.Database;
                builder.Database = "postgres";
                await using var admin = new NpgsqlConnection(builder.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
