using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Qunyun.Features.Workspaces;

namespace Qunyun.Bench;

/// <summary>
/// The durable path without HTTP: batches of 1,000 events stored by <see cref="IngestEvents"/> (validation,
/// duplicate check, insert with pending markers, commit), then processed by <see cref="EventProcessor"/>
/// (identity, groups, memberships, rollups, scores, commit). `ingest [--events N] [--postgres "Host=…"]`.
/// </summary>
internal static class IngestLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = Option(args, "--events") is { } n ? int.Parse(n) : 100_000;
        var postgres = Option(args, "--postgres");
        var folder = Directory.CreateTempSubdirectory("qunyun-ingest-").FullName;
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
            await db.SaveChangesAsync();
        }

        var batchSize = Option(args, "--batch") is { } size ? int.Parse(size) : new PipelineOptions().BatchSize;
        if (Option(args, "--sqlite-parameters") is { } parameters)
        {
            MultiRowCommand.SqliteParameters = int.Parse(parameters);
        }

        var (ingest, processor) = BenchPipeline.Create(factory, [], new PipelineOptions { BatchSize = batchSize }, clock);
        using var phases = new PhaseTimes();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var stored = Stopwatch.StartNew();
        for (var offset = 0; offset < total; offset += IngestEvents.MaxBatch)
        {
            var batch = Enumerable.Range(offset, Math.Min(IngestEvents.MaxBatch, total - offset)).Select(i => new IngestEvent(
                "message", channel.Id, $"e{i}", $"g{i % 200}", null, $"u{i % 20_000}", $"用户{i % 20_000}", start.AddSeconds(i * 20),
                Message: new MessageBody($"第 {i} 条消息 message {i}", null, null, null))).ToList();
            await using var db = factory.Create(workspace.Id);
            await ingest.ExecuteAsync(db, batch, CancellationToken.None);
        }

        stored.Stop();
        process.Refresh();
        var cpuStored = process.TotalProcessorTime;
        var processed = Stopwatch.StartNew();
        var count = await processor.DrainAsync(CancellationToken.None);
        processed.Stop();
        process.Refresh();
        var cpuProcessed = process.TotalProcessorTime;

        Console.WriteLine($"{options.Provider}: {total:N0} events (200 groups, 20,000 members)");
        Console.WriteLine($"  store (validate, dedupe, insert + commit): {total / stored.Elapsed.TotalSeconds,10:N0} events/s  ({stored.Elapsed.TotalSeconds:0.0} s)");
        Console.WriteLine($"  process (identity … rollups, scores, commit): {count / processed.Elapsed.TotalSeconds,10:N0} events/s  ({processed.Elapsed.TotalSeconds:0.0} s)");
        Console.WriteLine($"  end to end:                                 {total / (stored.Elapsed + processed.Elapsed).TotalSeconds,10:N0} events/s");
        Console.WriteLine($"  this process's CPU time: store {(cpuStored - cpuStart).TotalSeconds:0.0} s, process {(cpuProcessed - cpuStored).TotalSeconds:0.0} s (processing batches of {batchSize:N0})");
        phases.Print();
        if (postgres is null)
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
