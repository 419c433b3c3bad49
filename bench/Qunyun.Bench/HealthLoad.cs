using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Features.Health;

namespace Qunyun.Bench;

/// <summary>
/// `health [--groups N] [--db path]`: seeds N active groups × 90 days of group-day rollups (steady, fading and growing
/// groups with noise), the last 28 days of their talkers' member days (6 of 20 members a day) with memberships, and
/// answer-time days, then times the whole workspace's health (<see cref="GroupHealthReport"/>: the queries and the
/// pure score and forecast of every group). The goal is &lt; 2 s at 5,000 groups.
/// </summary>
internal static class HealthLoad
{
    private const int Runs = 5;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var groups = Option(args, "--groups") is { } n ? int.Parse(n) : 5_000;
        var keep = Option(args, "--db");
        var path = keep is null ? Path.Combine(Directory.CreateTempSubdirectory("qunyun-health-").FullName, "qunyun.db") : Path.GetFullPath(keep);
        var factory = new QunyunDbFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" }, NullLoggerFactory.Instance);
        var workspace = await SeedAsync(factory, path, groups);
        var report = new GroupHealthReport(new FixedClock(Now), Options.Create(new HealthOptions()), factory);

        var timings = new List<double>();
        var cpu = new List<double>();
        var (atRisk, scored) = (0, 0);
        using var process = Process.GetCurrentProcess();
        for (var run = -1; run < Runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using (var db = factory.Create(workspace))
            {
                var health = (await report.ReadAsync(db, null, CancellationToken.None)).Groups;
                (scored, atRisk) = (health.Count, health.Count(h => h.AtRisk));
            }

            process.Refresh();
            if (run >= 0)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        timings.Sort();
        cpu.Sort();
        Console.WriteLine($"{"groups",8} {"p50 ms",8} {"max ms",8} {"cpu ms",8} {"at risk",8}");
        Console.WriteLine($"{scored,8:N0} {timings[Runs / 2],8:0.0} {timings[^1],8:0.0} {cpu[Runs / 2],8:0.0} {atRisk,8:N0}");
        if (keep is null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        return 0;
    }

    private static async Task<Guid> SeedAsync(QunyunDbFactory factory, string path, int groups)
    {
        await using (var db = factory.CreateUnscoped())
        {
            await db.Database.MigrateAsync();
            if (await db.Workspaces.Where(w => w.Slug == "bench-health").Select(w => (Guid?)w.Id).FirstOrDefaultAsync() is { } id)
            {
                Console.WriteLine($"Reusing {path}");
                return id;
            }
        }

        Console.WriteLine($"Seeding {groups:N0} groups × 90 days into {path} …");
        var watch = Stopwatch.StartNew();
        var workspace = Guid.CreateVersion7();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        foreach (var sql in SeedSql(workspace.ToString().ToUpperInvariant(), groups))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:0.0} s");
        return workspace;
    }

    /// <summary>
    /// Group g: type g mod 4; its level is steady (g mod 3 = 0), fading by 3 % a day (1) or growing (2), times noise.
    /// Day d runs 0 … 89 back from the local day before <see cref="Now"/>. Member m of group g is g·20 + m.
    /// </summary>
    private static IEnumerable<string> SeedSql(string ws, int groups)
    {
        const string Stamp = "'2026-11-23 04:00:00'";
        string Id(string prefix, string number) => $"printf('{prefix}-0000-7000-8000-%012X', {number})";
        var days = $"WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 89), g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < {groups - 1})";
        var level = "CASE g.i % 3 WHEN 0 THEN 12.0 WHEN 1 THEN 30.0 * exp(-0.03 * d.i) ELSE 4.0 + d.i / 10.0 END";
        yield return "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
        yield return $"INSERT INTO Workspaces (Id, Slug, Name, TimeZone, DefaultCulture, DefaultGroupType, CreatedAt) VALUES ('{ws}', 'bench-health', 'Bench', 'Asia/Shanghai', 'zh-CN', 'LongTerm', {Stamp});";
        yield return $"INSERT INTO Channels (Id, WorkspaceId, Kind, Name, CreatedAt) VALUES ({Id("0000000C", "0")}, '{ws}', 'Telegram', 'channel', {Stamp});";
        yield return $"WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < {groups - 1}) INSERT INTO Groups (Id, WorkspaceId, ChannelId, ExternalId, Name, Type, Status, Capacity, MemberCount, SearchText, CreatedAt) SELECT {Id("0000000B", "i")}, '{ws}', {Id("0000000C", "0")}, 'g' || i, 'group ' || printf('%05d', i), CASE i % 4 WHEN 0 THEN 'LongTerm' WHEN 1 THEN 'ShortTerm' WHEN 2 THEN 'ProductFeedback' ELSE 'FanSelfOrganized' END, 'Active', 150, 60, '', datetime({Stamp}, '-120 days') FROM g;";
        yield return $"{days} INSERT INTO GroupDays (WorkspaceId, GroupId, Day, Messages, Reactions, Joins, Leaves, ActiveMembers) SELECT '{ws}', {Id("0000000B", "gi")}, date('2026-11-22', '-' || (89 - di) || ' days'), a * 4, a, abs(random()) % 3, abs(random()) % 3, a FROM (SELECT g.i AS gi, d.i AS di, max(0, CAST(round(({level}) * (0.7 + (abs(random()) % 600) / 1000.0)) AS INTEGER)) AS a FROM d, g);";
        yield return $"WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < {groups * 20 - 1}) INSERT INTO Members (Id, WorkspaceId, DisplayName, SearchText, CreatedAt, ActivityScore) SELECT {Id("00000001", "i")}, '{ws}', 'member ' || i, '', datetime({Stamp}, '-' || (i % 120) || ' days'), 0 FROM m;";
        yield return $"WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < {groups * 20 - 1}) INSERT INTO Memberships (Id, WorkspaceId, MemberId, GroupId, Role, JoinedAt) SELECT {Id("0000000D", "i")}, '{ws}', {Id("00000001", "i")}, {Id("0000000B", "i / 20")}, CASE WHEN i % 20 = 0 THEN 'Admin' ELSE 'Member' END, datetime({Stamp}, '-' || (i % 120) || ' days') FROM m;";
        yield return $"WITH RECURSIVE d(i) AS (SELECT 62 UNION ALL SELECT i + 1 FROM d WHERE i < 89), g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < {groups - 1}), k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 5) INSERT INTO MemberDays (WorkspaceId, MemberId, GroupId, Day, Messages, Reactions, Interactions) SELECT '{ws}', {Id("00000001", "g.i * 20 + (d.i * 7 + k.i * 3) % 20")}, {Id("0000000B", "g.i")}, date('2026-11-22', '-' || (89 - d.i) || ' days'), 1 + (k.i * k.i) % 9, 1, 2 + (k.i * k.i) % 9 FROM d, g, k;";
        yield return $"WITH RECURSIVE d(i) AS (SELECT 62 UNION ALL SELECT i + 1 FROM d WHERE i < 89), g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < {groups - 1}) INSERT INTO GroupAnswerDays (WorkspaceId, GroupId, Day, Questions, Within5Minutes, Within30Minutes, Within2Hours, Within24Hours) SELECT '{ws}', {Id("0000000B", "g.i")}, date('2026-11-22', '-' || (89 - d.i) || ' days'), 4, abs(random()) % 2, 1, abs(random()) % 2, 0 FROM d, g;";
        yield return "ANALYZE; PRAGMA optimize;";
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
