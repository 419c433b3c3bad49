using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Connectors.Webhook;
using Qunyun.Features.Groups;
using Qunyun.Features.Outbox;
using Qunyun.Features.Workspaces;

namespace Qunyun.Bench;

/// <summary>
/// `dispatch [--actions 10000] [--groups 50] [--concurrency 8] [--channel-limit 0] [--db path | --postgres "Host=…"]`:
/// a workspace, a webhook bridge channel pointing at a Kestrel receiver on 127.0.0.1 (answers 200, checks nothing),
/// N groups and M queued send_text rows (round-robin over the groups), then the real <see cref="OutboxDispatcher"/>
/// and <see cref="WebhookConnector"/> in the worker's loop until every row is delivered. The webhook channel's
/// per-second limit is lifted by default (0) so the limiter does not set the pace; pass the configured value to see it.
/// </summary>
internal static class DispatchLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var actions = Option(args, "--actions") is { } a ? int.Parse(a) : 10_000;
        var groups = Option(args, "--groups") is { } g ? int.Parse(g) : 50;
        var defaults = new OutboxOptions();
        var concurrency = Option(args, "--concurrency") is { } c ? int.Parse(c) : defaults.Concurrency;
        var webhookDefault = defaults.RateLimitFor(nameof(ChannelKind.Webhook));
        var channelLimit = Option(args, "--channel-limit") is { } l ? int.Parse(l) : 0;
        var postgres = Option(args, "--postgres");
        var keep = Option(args, "--db");
        var folder = keep is null && postgres is null ? Directory.CreateTempSubdirectory("qunyun-dispatch-").FullName : null;
        var database = postgres is null
            ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={(folder is null ? Path.GetFullPath(keep!) : Path.Combine(folder, "qunyun.db"))}" }
            : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres };
        var factory = new QunyunDbFactory(database, NullLoggerFactory.Instance);
        await new DatabaseMigrator(factory, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var receiver = await Receiver.StartAsync();
        var clock = TimeProvider.System;
        var credentials = new ChannelCredentials(new EphemeralDataProtectionProvider());
        var (workspace, channel) = await SeedAsync(factory, credentials, clock, receiver.Url, groups, actions);

        var options = Options.Create(new OutboxOptions
        {
            Concurrency = concurrency,
            RateLimits = new(StringComparer.OrdinalIgnoreCase)
            {
                [nameof(ChannelKind.Webhook)] = new() { PerChannelPerSecond = channelLimit, PerGroupPerMinute = webhookDefault.PerGroupPerMinute },
            },
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var webhook = new TimedConnector(new WebhookConnector(new OneClient(http), credentials, new ChannelStateStore(factory, clock), clock));
        var dispatcher = new OutboxDispatcher(factory, new ConnectorRegistry([webhook]), new OutboxRateLimiter(options), options, clock,
            NullLogger<OutboxDispatcher>.Instance);

        Console.WriteLine($"{database.Provider}: {actions:N0} send_text actions over {groups:N0} groups of one webhook channel, concurrency {concurrency}, " +
            $"batch {options.Value.BatchSize}");
        Console.WriteLine($"  limits: webhook per channel {(channelLimit == 0 ? "unlimited" : $"{channelLimit}/s")} (configured default {webhookDefault.PerChannelPerSecond}/s), " +
            $"per group {(webhookDefault.PerGroupPerMinute == 0 ? "unlimited" : $"{webhookDefault.PerGroupPerMinute}/min")}; " +
            $"Telegram would be {defaults.RateLimitFor(nameof(ChannelKind.Telegram)).PerChannelPerSecond}/s per bot, {defaults.RateLimitFor(nameof(ChannelKind.Telegram)).PerGroupPerMinute}/min per group");

        using var sql = new SqlTimes();
        using var phases = new PhaseTimes(OutboxMetrics.MeterName, "rounds");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (rounds, idle, roundTimes) = await RunWorkerLoopAsync(dispatcher, factory, clock);
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        await using (var db = factory.Create(workspace))
        {
            var rows = await db.Outbox.AsNoTracking().Select(o => new { o.Status, o.CreatedAt, o.DeliveredAt }).ToListAsync();
            var delivered = rows.Where(r => r.Status == OutboxStatus.Delivered).ToList();
            var latency = delivered.Select(r => (r.DeliveredAt!.Value - r.CreatedAt).TotalMilliseconds).Order().ToList();
            var wall = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"  delivered {delivered.Count:N0} of {rows.Count:N0}; receiver got {receiver.Count:N0} requests");
            Console.WriteLine($"  {delivered.Count / wall,8:N0} actions/s wall ({wall:0.00} s), {delivered.Count / cpu,8:N0} actions per CPU second " +
                $"({cpu:0.00} CPU s, receiver included)");
            Console.WriteLine($"  rounds {rounds:N0} ({delivered.Count / (double)Math.Max(1, rounds):0.0} actions/round, {idle} idle waits of 1 s); " +
                $"round p50 {Percentile(roundTimes, 0.5):0.0} ms, p99 {Percentile(roundTimes, 0.99):0.0} ms");
            Console.WriteLine($"  queued → delivered p50 {Percentile(latency, 0.5):N0} ms, p99 {Percentile(latency, 0.99):N0} ms (all queued before the start: backlog drain)");
            Console.WriteLine($"  webhook call (sign + POST + answer) p50 {webhook.Percentile(0.5):0.00} ms, p99 {webhook.Percentile(0.99):0.00} ms, " +
                $"sum {webhook.TotalSeconds:0.00} s over {concurrency} lanes");
        }

        var databaseSeconds = phases.Seconds("select", "claim", "record");
        Console.WriteLine($"  database (select heads, claim, record outcomes) {databaseSeconds:0.00} s = {databaseSeconds / watch.Elapsed.TotalSeconds:P0} of the wall time; " +
            $"deliver {phases.Seconds("deliver"):0.00} s");
        phases.Print();
        sql.Print();
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>What <c>OutboxWorker</c> does: rounds while they find work, a 1 s pause when one finds none.</summary>
    private static async Task<(int Rounds, int Idle, List<double> RoundTimes)> RunWorkerLoopAsync(OutboxDispatcher dispatcher, QunyunDbFactory factory, TimeProvider clock)
    {
        var rounds = 0;
        var idle = 0;
        var times = new List<double>();
        while (true)
        {
            var round = Stopwatch.StartNew();
            var tried = await dispatcher.DispatchDueAsync();
            times.Add(round.Elapsed.TotalMilliseconds);
            rounds++;
            if (tried > 0)
            {
                continue;
            }

            await using (var db = factory.CreateUnscoped())
            {
                if (!await db.Outbox.IgnoreQueryFilters().AnyAsync(o => o.Status == OutboxStatus.Pending))
                {
                    return (rounds, idle, times.Order().ToList());
                }
            }

            idle++;
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }
    }

    private static async Task<(Guid Workspace, Guid Channel)> SeedAsync(
        QunyunDbFactory factory, ChannelCredentials credentials, TimeProvider clock, Uri url, int groupCount, int actions)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Slug = $"bench-{Guid.NewGuid():N}"[..20], Name = "bench", CreatedAt = now };
        await using (var db = factory.Create(workspace.Id))
        {
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
        }

        var channel = await new CreateChannel(factory, credentials, clock).ExecuteAsync(workspace.Id, ChannelKind.Webhook, "bench bridge", "bench-secret-桥接",
            outboundUrl: url.ToString()) ?? throw new InvalidOperationException("The bench channel exists already.");
        var groups = Enumerable.Range(0, groupCount).Select(i => new Group
        {
            Id = Guid.CreateVersion7(),
            ChannelId = channel.Id,
            ExternalId = $"g{i}",
            Name = $"群 {i}",
            Type = GroupType.LongTerm,
            Status = GroupStatus.Active,
            CreatedAt = now,
        }).ToList();
        await using (var db = factory.Create(workspace.Id))
        {
            db.Groups.AddRange(groups);
            await db.SaveChangesAsync();
        }

        var seeding = Stopwatch.StartNew();
        for (var offset = 0; offset < actions; offset += 5_000)
        {
            await using var db = factory.Create(workspace.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(actions, offset + 5_000); i++)
            {
                var group = groups[i % groups.Count];
                OutboxEntry.Enqueue(db, channel.Id, group.Id, new SendTextAction(group.ExternalId, $"第 {i} 条通知 notice {i}"), $"bench:{i}", clock.GetUtcNow());
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"Queued {actions:N0} actions in {seeding.Elapsed.TotalSeconds:0.0} s");
        return (workspace.Id, channel.Id);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <summary>The bridge side: Kestrel on a free loopback port, reads the body and answers 200 with a platform ref.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _count;

        private Receiver(WebApplication app)
        {
            _app = app;
            app.MapPost("/actions", async (HttpContext http) =>
            {
                await http.Request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref _count);
                return Results.Json(new { platformRef = "m" + _count });
            });
        }

        public Uri Url { get; private set; } = default!;

        public int Count => Volatile.Read(ref _count);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var receiver = new Receiver(builder.Build());
            await receiver._app.StartAsync();
            var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = new Uri(new Uri(address), "/actions");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>One shared client, as the host's IHttpClientFactory hands out for the webhook connector.</summary>
    private sealed class OneClient(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
