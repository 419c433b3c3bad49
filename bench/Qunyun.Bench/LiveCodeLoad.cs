using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.LiveCodes;
using Qunyun.Features.Workspaces;

namespace Qunyun.Bench;

/// <summary>
/// `livecode [--scans 20000] [--rate 500] [--groups 3]`: the live-code redirect under an open-loop load. The app's host
/// on a fresh SQLite database with one pool of `--groups` Telegram groups (seats enough for every scan); a scan
/// (GET /j/{slug}, a new visitor each) is started every 1/rate seconds on schedule whether or not earlier ones returned,
/// through the host's in-process HTTP client. Prints p50/p99/max of the redirect and the achieved rate; the scan writer
/// runs as in production (its batches commit while scans arrive).
/// </summary>
internal static class LiveCodeLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scans = Option(args, "--scans", 20_000);
        var rate = Option(args, "--rate", 500);
        var groupCount = Option(args, "--groups", 3);
        var folder = Directory.CreateTempSubdirectory("qunyun-livecode-").FullName;
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")}" };
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_QUNYUN", AppContext.BaseDirectory);
        await new DatabaseMigrator(new QunyunDbFactory(database, NullLoggerFactory.Instance), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var host = new LiveCodeHost(database, folder);
        var writer = host.Services.GetRequiredService<LiveCodeScanWriter>();
        await writer.StartAsync(CancellationToken.None);
        var path = await SeedAsync(host.Services, groupCount, seatsPerGroup: scans / groupCount + 1);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await client.GetAsync(path); // warm: the pool's first read and the seats' load

        var times = new double[scans];
        var failures = 0;
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var tasks = new List<Task>(scans);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < scans; i++)
        {
            if (interval * i - Stopwatch.GetElapsedTime(start) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                times[n] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if ((int)response.StatusCode != 302)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var flush = Stopwatch.GetTimestamp();
        await writer.FlushAsync(CancellationToken.None);
        var flushed = Stopwatch.GetElapsedTime(flush);
        await writer.StopAsync(CancellationToken.None);
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"livecode: {scans:N0} scans at {rate}/s asked, {scans / elapsed.TotalSeconds:N0}/s achieved; redirect p50 {Percentile(times, 0.50):N2} ms, p99 {Percentile(times, 0.99):N2} ms, max {times[^1]:N2} ms; {failures} not redirected; last scans written {flushed.TotalMilliseconds:N0} ms after the load"));
        Directory.Delete(folder, recursive: true);
        return failures == 0 ? 0 : 1;
    }

    private static async Task<string> SeedAsync(IServiceProvider services, int groupCount, int seatsPerGroup)
    {
        var factory = services.GetRequiredService<QunyunDbFactory>();
        var now = DateTime.UtcNow;
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Slug = "bench", Name = "Bench", CreatedAt = now };
        await using (var unscoped = factory.CreateUnscoped())
        {
            unscoped.Workspaces.Add(workspace);
            await unscoped.SaveChangesAsync();
        }

        await using var db = factory.Create(workspace.Id);
        var channel = new Channel { Id = Guid.CreateVersion7(), Kind = ChannelKind.Telegram, Name = "bench", CreatedAt = now };
        db.Channels.Add(channel);
        var groups = Enumerable.Range(0, groupCount).Select(i => new Group
        {
            Id = Guid.CreateVersion7(),
            ChannelId = channel.Id,
            ExternalId = $"bench-{i}",
            Name = $"Bench {i}",
            Type = GroupType.LongTerm,
            Status = GroupStatus.Active,
            Capacity = seatsPerGroup,
            CreatedAt = now,
        }).ToList();
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync();
        var (id, errors) = await services.GetRequiredService<SavePool>().CreateAsync(db, new PoolRequest
        {
            Name = "bench",
            Groups = [.. groups.Select((g, i) => new PoolGroupRequest(g.Id, Math.Min(seatsPerGroup, 199_999), $"https://t.me/+bench{i}"))],
        }, CancellationToken.None);
        if (id is null)
        {
            throw new InvalidOperationException("pool refused: " + string.Join(", ", errors.Fields));
        }

        return LiveCodeQueries.PathOf(db.Set<LiveCodePool>().Single(p => p.Id == id).Slug);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;

    /// <summary>The app's host with no background service running (the scan writer is started by the bench) and no rate limit that matters.</summary>
    private sealed class LiveCodeHost(DatabaseOptions database, string folder) : WebApplicationFactory<StartupTasks>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Bench");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Qunyun", database.ConnectionString);
            builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("LiveCodes:ScansPerClientPerMinute", "1000000");
            builder.ConfigureServices(services =>
            {
                foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService)).ToList())
                {
                    services.Remove(hosted);
                }
            });
        }
    }
}
