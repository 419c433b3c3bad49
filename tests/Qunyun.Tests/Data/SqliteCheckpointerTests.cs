using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Data;

namespace Qunyun.Tests.Data;

/// <summary>The checkpointer copies the write-ahead log into the database file while another connection keeps it open.</summary>
public sealed class SqliteCheckpointerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qunyun-checkpoint-").FullName;
    private DatabaseOptions _options = null!;
    private QunyunDbFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_folder, "q.db")}" };
        _factory = new QunyunDbFactory(_options, NullLoggerFactory.Instance);
        await new DatabaseMigrator(_factory, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Checkpoint_CopiesEveryCommittedFrame_WhileTheWriterKeepsItsConnection()
    {
        await using var writer = _factory.CreateUnscoped();
        var connection = writer.Database.GetDbConnection();
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint=0; CREATE TABLE Scratch (Id INTEGER PRIMARY KEY, Text TEXT);");
        for (var i = 0; i < 50; i++)
        {
            await ExecuteAsync(connection, $"INSERT INTO Scratch (Text) VALUES ('{new string('x', 2000)}');");
        }

        var checkpointer = new SqliteCheckpointer(_options, _factory, NullLogger<SqliteCheckpointer>.Instance);
        var (frames, copied) = await checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.True(frames >= 50, $"{frames} frames in the log");
        Assert.Equal(frames, copied);
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
