using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Demo;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Bench;

/// <summary>
/// Seeds the demo workspace with N members (through the real `demo` verb) into a fresh SQLite file, then times the
/// exact queries the Members and Groups pages run for each grid load (filter → count → sort → project → page).
/// </summary>
internal static class ListPageLoad
{
    private const int Runs = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var members = Option(args, "--members") is { } n ? int.Parse(n) : 100_000;
        var keep = Option(args, "--db"); // a database file to reuse (seeded only up to the missing members) and keep
        var folder = keep is null ? Directory.CreateTempSubdirectory("qunyun-bench-").FullName : Path.GetDirectoryName(Path.GetFullPath(keep))!;
        var connection = $"Data Source={(keep is null ? Path.Combine(folder, "qunyun.db") : Path.GetFullPath(keep))}";
        Console.WriteLine($"Seeding {members:N0} demo members into {folder} …");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(connection, members);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        var factory = new QunyunDbFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connection }, NullLoggerFactory.Instance);
        Guid workspace;
        await using (var db = factory.CreateUnscoped())
        {
            workspace = await db.Workspaces.Where(w => w.Slug == DemoSeeder.Slug).Select(w => w.Id).SingleAsync();
        }

        var now = DateTime.UtcNow;
        Guid tag, group;
        await using (var db = factory.Create(workspace))
        {
            tag = await db.Tags.Select(t => t.Id).FirstAsync();
            group = await db.Groups.OrderByDescending(g => g.MemberCount).Select(g => g.Id).FirstAsync();
        }

        if (Environment.GetEnvironmentVariable("QUNYUN_BENCH_SQL") == "1")
        {
            await using var db = factory.Create(workspace);
            Console.WriteLine(db.FilteredMembers(null, null, null, null, null).Sort(MemberSort.Name).ToSummaries().Skip(0).Take(50).ToQueryString());
        }

        Console.WriteLine($"{"scenario",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"rows",9}");
        await Measure(factory, workspace, "members: first page, by name", db => Members(db, null, null, null, null, MemberSort.Name, 1));
        await Measure(factory, workspace, "members: last active first", db => Members(db, null, null, null, null, MemberSort.LastActiveDesc, 1));
        await Measure(factory, workspace, "members: page 1000 (deep), by name", db => Members(db, null, null, null, null, MemberSort.Name, 1000));
        await Measure(factory, workspace, "members: search '王' (Chinese)", db => Members(db, "王", null, null, null, MemberSort.Name, 1));
        await Measure(factory, workspace, "members: search 'park' (no index helps)", db => Members(db, "park", null, null, null, MemberSort.Name, 1));
        await Measure(factory, workspace, "members: tag filter", db => Members(db, null, tag, null, null, MemberSort.Name, 1));
        await Measure(factory, workspace, "members: in biggest group, active 7 days", db => Members(db, null, null, group, now.AddDays(-7), MemberSort.LastActiveDesc, 1));
        await Measure(factory, workspace, "groups: first page, by members desc", db => Groups(db, null, null, GroupSort.MembersDesc));
        await Measure(factory, workspace, "groups: search + type filter", db => Groups(db, "咖啡", GroupType.LongTerm, GroupSort.Name));
        if (keep is null)
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static string? Option(string[] args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static async Task<int> Members(QunyunDb db, string? q, Guid? tag, Guid? group, DateTime? activeSince, MemberSort sort, int page) =>
        (await new PageQuery { Page = page, PageSize = 50 }
            .ApplyAsync(db.FilteredMembers(q, Tagged(db, tag), group, null, activeSince).Sort(sort).ToSummaries(), CancellationToken.None)).Total;

    private static IQueryable<Guid>? Tagged(QunyunDb db, Guid? tag) =>
        tag is { } id ? db.MemberTags.Where(t => t.TagId == id).Select(t => t.MemberId) : null;

    private static async Task<int> Groups(QunyunDb db, string? q, GroupType? type, GroupSort sort) =>
        (await new PageQuery { Page = 1, PageSize = 25 }
            .ApplyAsync(db.Groups.AsNoTracking().Filter(q, type, null, null).Sort(sort).ToResponses(), CancellationToken.None)).Total;

    private static async Task Measure(QunyunDbFactory factory, Guid workspace, string name, Func<QunyunDb, Task<int>> load)
    {
        var timings = new List<double>();
        var rows = 0;
        for (var run = -3; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var db = factory.Create(workspace))
            {
                rows = await load(db);
            }

            if (run >= 0)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine($"{name,-44} {timings[Runs / 2],8:0.0} {timings[(int)(Runs * 0.95)],8:0.0} {timings[^1],8:0.0} {rows,9:N0}");
    }

    private static async Task SeedAsync(string connection, int members)
    {
        var qunyun = Path.Combine(AppContext.BaseDirectory, "Qunyun.dll");
        var start = new ProcessStartInfo("dotnet", [qunyun, "demo", "--members", members.ToString(), $"--ConnectionStrings:Qunyun={connection}",
            $"--DataProtection:KeysPath={Path.GetDirectoryName(connection[12..])}/keys"]);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"demo seeding failed with exit code {process.ExitCode}");
        }
    }
}
