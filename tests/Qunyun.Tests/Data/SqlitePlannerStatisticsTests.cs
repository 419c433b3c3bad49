using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Data;

namespace Qunyun.Tests.Data;

/// <summary>
/// SQLite's planner without statistics reads a member's recent events through the (workspace, time) index, every
/// event of the window; once the writer has analysed the tables it takes the (member, time) index. The test runs on a
/// SQLite file of its own whichever database the suite uses: the statistics are SQLite's concern only.
/// </summary>
public sealed class SqlitePlannerStatisticsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qunyun-planner-").FullName;
    private QunyunDbFactory _factory = null!;

    public async Task InitializeAsync()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_folder, "q.db")}" };
        _factory = new QunyunDbFactory(options, NullLoggerFactory.Instance);
        await new DatabaseMigrator(_factory, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AfterTheFirstThousandEvents_AMembersRecentEventsAreReadThroughTheMemberIndex()
    {
        var workspace = Guid.NewGuid();
        await using var db = _factory.Create(workspace);
        await InsertEventsAsync(db, workspace, count: 1_200, members: 300);
        var statistics = new SqlitePlannerStatistics();
        var before = await PlanAsync(db, workspace);

        await statistics.CommittedAsync(db, 999, CancellationToken.None);
        var belowTheFirstThreshold = await PlanAsync(db, workspace);
        await statistics.CommittedAsync(db, 201, CancellationToken.None);
        var after = await PlanAsync(db, workspace);

        Assert.Contains("IX_Events_WorkspaceId_OccurredAt", before);
        Assert.Contains("IX_Events_WorkspaceId_OccurredAt", belowTheFirstThreshold);
        Assert.Contains("IX_Events_MemberId_OccurredAt", after);
    }

    private static async Task<string> PlanAsync(QunyunDb db, Guid workspace)
    {
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText =
            $"""
            EXPLAIN QUERY PLAN SELECT "OccurredAt" FROM "Events" WHERE "WorkspaceId" = '{Text(workspace)}' AND "MemberId" = '{Text(Member(7))}'
            AND "Kind" = 'check_in' AND "OccurredAt" >= '2026-11-01'
            """;
        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return string.Join('\n', plan);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static Guid Member(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    private static async Task InsertEventsAsync(QunyunDb db, Guid workspace, int count, int members)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "PRAGMA foreign_keys=OFF;";
            await off.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            """
            INSERT INTO "Events" ("WorkspaceId", "ChannelId", "ExternalEventId", "Kind", "MemberId", "OccurredAt", "ReceivedAt", "Payload", "ClockSkewed")
            VALUES ($workspace, $channel, $external, $kind, $member, $at, $at, '{}', 0)
            """;
        var channel = Text(Guid.NewGuid());
        for (var i = 0; i < count; i++)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$workspace", Text(workspace));
            insert.Parameters.AddWithValue("$channel", channel);
            insert.Parameters.AddWithValue("$external", $"e{i}");
            insert.Parameters.AddWithValue("$kind", i % 10 == 0 ? "check_in" : "message");
            insert.Parameters.AddWithValue("$member", Text(Member(i % members)));
            insert.Parameters.AddWithValue("$at", new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-dd HH:mm:ss"));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
