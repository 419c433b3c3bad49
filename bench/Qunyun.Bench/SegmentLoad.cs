using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;
using Qunyun.Features.Events;
using Qunyun.Features.Segments;
using Qunyun.Features.Tags;
using static Qunyun.Engine.Segments.SegmentNode;

namespace Qunyun.Bench;

/// <summary>
/// Fills a SQLite file with N members (tags, interest weights, memberships, identities, attributes, scores) in a few
/// bulk INSERT … SELECT statements, then times the COUNT of representative segment definitions through the real
/// compiler (the query the API's count and the console's live count run).
/// </summary>
internal static class SegmentLoad
{
    private const int Runs = 10;
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(string[] args)
    {
        var members = Option(args, "--members") is { } n ? int.Parse(n) : 1_000_000;
        var keep = Option(args, "--db");
        var path = keep is null ? Path.Combine(Directory.CreateTempSubdirectory("qunyun-segments-").FullName, "qunyun.db") : Path.GetFullPath(keep);
        var factory = new QunyunDbFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" }, NullLoggerFactory.Instance);
        var workspace = await SeedAsync(factory, path, members);

        var segments = new SegmentEvaluator(TimeProvider.System, Options.Create(new PipelineOptions()), Options.Create(new TagOptions()));
        Guid[] tags, groups, channels;
        await using (var db = factory.Create(workspace))
        {
            tags = await db.Tags.OrderBy(t => t.Name).Select(t => t.Id).ToArrayAsync();
            groups = await db.Groups.OrderBy(g => g.Name).Select(g => g.Id).ToArrayAsync();
            channels = await db.Channels.OrderBy(c => c.Name).Select(c => c.Id).ToArrayAsync();
        }

        var scenarios = new (string Name, SegmentNode Definition)[]
        {
            ("everyone", And()),
            ("has tag", HasTag(tags[0])),
            ("interest ≥ 2.5", Interest(tags[5], 2.5)),
            ("in group and active 30 days", And(InGroup(groups[3]), Recent(SegmentNodeType.ActiveWithinDays, 30))),
            ("inactive 30 days (recall)", Recent(SegmentNodeType.InactiveForDays, 30)),
            ("decayed score ≥ 10", ScoreAtLeast(10)),
            ("city = 杭州 and joined 90 days", And(Attribute(SegmentNodeType.AttributeEquals, "city", "杭州"), Recent(SegmentNodeType.JoinedWithinDays, 90))),
            ("(tag A or tag B) and not short-term group", And(Or(HasTag(tags[1]), HasTag(tags[2])), Not(InGroupOfType(GroupType.ShortTerm)))),
            ("nested: (interest ≥ 3 and channel) or (city ∋ 州 and not score ≤ 1)",
                Or(And(Interest(tags[6], 3), OnChannel(channels[0])),
                    And(Attribute(SegmentNodeType.AttributeContains, "city", "州"), Not(ScoreAtMost(1))))),
        };

        if (Environment.GetEnvironmentVariable("QUNYUN_BENCH_SQL") == "1")
        {
            await using var db = factory.Create(workspace);
            foreach (var (name, definition) in scenarios)
            {
                Console.WriteLine($"-- {name}\n{segments.Members(db, definition, Now).ToQueryString()}\n");
            }
        }

        Console.WriteLine($"{"definition",-66} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"cpu ms",8} {"members",10}");
        foreach (var (name, definition) in scenarios)
        {
            await MeasureAsync(factory, workspace, name, db => segments.Members(db, definition, Now).CountAsync());
        }

        if (keep is null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(QunyunDbFactory factory, Guid workspace, string name, Func<QunyunDb, Task<int>> count)
    {
        var timings = new List<double>();
        var cpu = new List<double>();
        var rows = 0;
        using var process = Process.GetCurrentProcess();
        for (var run = -2; run < Runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using (var db = factory.Create(workspace))
            {
                rows = await count(db);
            }

            process.Refresh();
            if (run >= 0)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        // On a shared machine the wall clock includes waiting for a core; the process's CPU time does not.
        timings.Sort();
        cpu.Sort();
        Console.WriteLine($"{name,-66} {timings[Runs / 2],8:0.0} {timings[(int)(Runs * 0.95)],8:0.0} {timings[^1],8:0.0} {cpu[Runs / 2],8:0.0} {rows,10:N0}");
    }

    private static async Task<Guid> SeedAsync(QunyunDbFactory factory, string path, int members)
    {
        await using (var db = factory.CreateUnscoped())
        {
            await db.Database.MigrateAsync();
            var existing = await db.Workspaces.Where(w => w.Slug == "bench").Select(w => (Guid?)w.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                Console.WriteLine($"Reusing {path}");
                return id;
            }
        }

        Console.WriteLine($"Seeding {members:N0} members into {path} …");
        var watch = Stopwatch.StartNew();
        var workspace = Guid.CreateVersion7();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        foreach (var sql in SeedSql(workspace.ToString().ToUpperInvariant(), members))
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
    /// Ids are GUID-shaped text like EF Core writes them (upper case), times like its SQLite format. Member i gets:
    /// joined i mod 400 days ago, last active i mod 60 days ago (none for every 7th), a score of (i mod 300) / 10
    /// stamped i mod 45 days ago, tags (i mod 10) and ((i·7) mod 10) — the upper five are interests, weighted
    /// (i mod 50) / 10 —, group i mod 20, channel i mod 2, a city for 6 in 10 and a level for 3 in 10.
    /// </summary>
    private static IEnumerable<string> SeedSql(string ws, int members)
    {
        const string Day = "'2026-11-23 12:00:00'";
        string Id(string prefix, string number) => $"printf('{prefix}-0000-7000-8000-%012X', {number})";
        yield return "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
        yield return $"INSERT INTO Workspaces (Id, Slug, Name, TimeZone, DefaultCulture, DefaultGroupType, CreatedAt) VALUES ('{ws}', 'bench', 'Bench', 'Asia/Shanghai', 'zh-CN', 'LongTerm', {Day});";
        yield return $"WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 1) INSERT INTO Channels (Id, WorkspaceId, Kind, Name, CreatedAt) SELECT {Id("0000000C", "i")}, '{ws}', 'Telegram', 'channel ' || i, {Day} FROM c;";
        yield return $"WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 9) INSERT INTO Tags (Id, WorkspaceId, Name, Color, Kind, CreatedAt) SELECT {Id("0000000A", "i")}, '{ws}', 'tag ' || i, '#607d8b', CASE WHEN i >= 5 THEN 'Interest' ELSE 'Manual' END, {Day} FROM c;";
        yield return $"WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 19) INSERT INTO Groups (Id, WorkspaceId, ChannelId, ExternalId, Name, Type, Status, Capacity, MemberCount, SearchText, CreatedAt) SELECT {Id("0000000B", "i")}, '{ws}', {Id("0000000C", "i % 2")}, 'g' || i, 'group ' || printf('%02d', i), CASE i % 4 WHEN 0 THEN 'LongTerm' WHEN 1 THEN 'ShortTerm' WHEN 2 THEN 'ProductFeedback' ELSE 'FanSelfOrganized' END, 'Active', 150, 0, '', {Day} FROM c;";
        yield return $"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {members}) INSERT INTO Members (Id, WorkspaceId, DisplayName, SearchText, CreatedAt, LastActiveAt, ActivityScore, ActivityScoreAt) SELECT {Id("00000001", "i")}, '{ws}', 'member ' || i, 'member ' || i, datetime({Day}, '-' || (i % 400) || ' days'), CASE WHEN i % 7 = 0 THEN NULL ELSE datetime({Day}, '-' || (i % 60) || ' days') END, (i % 300) / 10.0, datetime({Day}, '-' || (i % 45) || ' days') FROM c;";
        yield return $"INSERT INTO MemberTags (MemberId, TagId, WorkspaceId, Weight, AddedAt) SELECT Id, {Id("0000000A", "n % 10")}, '{ws}', (n % 50) / 10.0, CreatedAt FROM (SELECT Id, CreatedAt, CAST(substr(DisplayName, 8) AS INTEGER) AS n FROM Members) UNION ALL SELECT Id, {Id("0000000A", "(n * 7 + 3) % 10")}, '{ws}', (n % 50) / 10.0, CreatedAt FROM (SELECT Id, CreatedAt, CAST(substr(DisplayName, 8) AS INTEGER) AS n FROM Members) WHERE (n * 7 + 3) % 10 <> n % 10 AND n % 2 = 0;";
        yield return $"INSERT INTO Memberships (Id, WorkspaceId, MemberId, GroupId, Role, JoinedAt, LeftAt) SELECT {Id("0000000D", "n")}, '{ws}', Id, {Id("0000000B", "n % 20")}, 'Member', CreatedAt, CASE WHEN n % 10 = 0 THEN {Day} END FROM (SELECT Id, CreatedAt, CAST(substr(DisplayName, 8) AS INTEGER) AS n FROM Members);";
        yield return $"INSERT INTO MemberIdentities (Id, WorkspaceId, MemberId, ChannelId, ExternalUserId, DisplayName, CreatedAt) SELECT {Id("0000000E", "n")}, '{ws}', Id, {Id("0000000C", "n % 2")}, 'u' || n, DisplayName, CreatedAt FROM (SELECT Id, DisplayName, CreatedAt, CAST(substr(DisplayName, 8) AS INTEGER) AS n FROM Members);";
        yield return $"INSERT INTO MemberAttributes (MemberId, Key, WorkspaceId, Value, UpdatedAt) SELECT Id, 'city', '{ws}', CASE n % 6 WHEN 0 THEN '杭州' WHEN 1 THEN '上海' WHEN 2 THEN '北京' WHEN 3 THEN '广州' WHEN 4 THEN 'Hangzhou' ELSE '苏州' END, CreatedAt FROM (SELECT Id, CreatedAt, CAST(substr(DisplayName, 8) AS INTEGER) AS n FROM Members) WHERE n % 10 < 6;";
        yield return $"INSERT INTO MemberAttributes (MemberId, Key, WorkspaceId, Value, UpdatedAt) SELECT Id, 'level', '{ws}', CASE n % 3 WHEN 0 THEN 'gold' ELSE 'silver' END, CreatedAt FROM (SELECT Id, CreatedAt, CAST(substr(DisplayName, 8) AS INTEGER) AS n FROM Members) WHERE n % 10 >= 7;";
        yield return "ANALYZE; PRAGMA optimize;";
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
