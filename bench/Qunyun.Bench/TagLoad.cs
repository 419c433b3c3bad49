using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Qunyun.Features.Tags;
using Qunyun.Features.Workspaces;

namespace Qunyun.Bench;

/// <summary>
/// What the tags stage costs the pipeline: the same mixed traffic (80 % messages, 10 % content views, 5 % attended
/// events, 5 % purchases, topics from a set of 20) processed without stages, then with <see cref="TaggingStage"/> and
/// three rule tags; then one daily recheck over all members. `tags [--events N] [--postgres "Host=…"]`.
/// </summary>
internal static class TagLoad
{
    private static readonly string[] Topics = [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? $"topic-{i}" : $"主题{i}")];

    public static async Task<int> RunAsync(string[] args)
    {
        var total = Option(args, "--events") is { } n ? int.Parse(n) : 50_000;
        var postgres = Option(args, "--postgres");
        // Warm-up (JIT, EF query compilation) for both, so that neither measured run pays for it.
        await ProcessAsync(2_000, postgres, withTags: false);
        await ProcessAsync(2_000, postgres, withTags: true);
        var (bare, bareCpu, _) = await ProcessAsync(total, postgres, withTags: false);
        var (tagged, taggedCpu, recheck) = await ProcessAsync(total, postgres, withTags: true);
        // CPU time of this process as well as wall time: on a shared machine the wall clock measures the neighbours too.
        Console.WriteLine($"{(postgres is null ? "Sqlite" : "Postgres")}: {total:N0} mixed events (200 groups, 20,000 members)");
        Console.WriteLine($"  process without stages:               {total / bare.TotalSeconds,10:N0} events/s  ({bare.TotalSeconds:0.0} s wall, {bareCpu.TotalSeconds:0.0} s CPU)");
        Console.WriteLine($"  process with tags stage and 3 rules:  {total / tagged.TotalSeconds,10:N0} events/s  ({tagged.TotalSeconds:0.0} s wall, {taggedCpu.TotalSeconds:0.0} s CPU)");
        Console.WriteLine($"  daily recheck (3 rules + interests):  {recheck.TotalMilliseconds,10:N0} ms");
        return 0;
    }

    private static async Task<(TimeSpan Process, TimeSpan ProcessCpu, TimeSpan Recheck)> ProcessAsync(int total, string? postgres, bool withTags)
    {
        var folder = Directory.CreateTempSubdirectory("qunyun-tags-").FullName;
        var options = postgres is null
            ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "qunyun.db")}" }
            : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres };
        var factory = new QunyunDbFactory(options, NullLoggerFactory.Instance);
        await new DatabaseMigrator(factory, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

        var clock = TimeProvider.System;
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Slug = $"bench-{Guid.NewGuid():N}"[..20], Name = "bench", CreatedAt = DateTime.UtcNow };
        var channel = new Channel { Id = Guid.CreateVersion7(), Name = "bench", CreatedAt = DateTime.UtcNow };
        await using (var db = factory.Create(workspace.Id))
        {
            db.Workspaces.Add(workspace);
            db.Channels.Add(channel);
            if (withTags)
            {
                db.Tags.AddRange(
                    RuleTag("talkers", new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 20, 7)),
                    RuleTag("big spenders", new TagRule(RuleMetric.PurchaseAmount, RuleComparison.AtLeast, 500, 30)),
                    RuleTag("topic-0 attendees", new TagRule(RuleMetric.EventsAttended, RuleComparison.AtLeast, 1, 90, "topic-0")));
            }

            await db.SaveChangesAsync();
        }


        var tagOptions = Options.Create(new TagOptions());
        IPipelineStage[] stages = withTags ? [new TaggingStage(tagOptions, clock)] : [];
        var (ingest, processor) = BenchPipeline.Create(factory, stages, new PipelineOptions(), clock);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var offset = 0; offset < total; offset += IngestEvents.MaxBatch)
        {
            var batch = Enumerable.Range(offset, Math.Min(IngestEvents.MaxBatch, total - offset)).Select(i => Event(i, channel.Id, start.AddSeconds(i * 50))).ToList();
            await using var db = factory.Create(workspace.Id);
            await ingest.ExecuteAsync(db, batch, CancellationToken.None);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var processed = Stopwatch.StartNew();
        await processor.DrainAsync(CancellationToken.None);
        processed.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var recheck = Stopwatch.StartNew();
        await using (var db = factory.Create(workspace.Id))
        {
            await new TagRecheck(tagOptions, clock, NullLogger<TagRecheck>.Instance).RunAsync(db, CancellationToken.None);
        }

        recheck.Stop();
        if (postgres is null)
        {
            Directory.Delete(folder, recursive: true);
        }

        return (processed.Elapsed, cpu, recheck.Elapsed);
    }

    private static IngestEvent Event(int i, Guid channel, DateTimeOffset at)
    {
        var (user, group) = ($"u{i % 20_000}", $"g{i % 200}");
        List<string> topics = [Topics[i % Topics.Length], Topics[(i / 7) % Topics.Length]];
        return (i % 20) switch
        {
            0 or 1 => new IngestEvent("content_viewed", channel, $"e{i}", null, null, user, null, at, Content: new TopicBody($"a{i % 500}", null, topics)),
            2 => new IngestEvent("event_attended", channel, $"e{i}", null, null, user, null, at, Attendance: new TopicBody($"t{i % 50}", null, topics)),
            3 => new IngestEvent("purchase", channel, $"e{i}", null, null, user, null, at, Purchase: new PurchaseBody($"o{i}", 50 + (i % 400), "CNY", null, topics)),
            _ => new IngestEvent("message", channel, $"e{i}", group, null, user, $"用户{i % 20_000}", at, Message: new MessageBody($"第 {i} 条消息", null, null, null)),
        };
    }

    private static Tag RuleTag(string name, TagRule rule) =>
        new() { Id = Guid.CreateVersion7(), Name = name, Kind = TagKind.Rule, Rule = rule.Normalized(), CreatedAt = DateTime.UtcNow };

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
