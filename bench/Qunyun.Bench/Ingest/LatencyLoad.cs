using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Data;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// `ingest-latency [--rate 5000] [--seconds 60] [--warmup 5] [--call 50] [--max-in-flight 256] [--bare] [--postgres …]`:
/// the app's host with its pipeline worker running, a realistic workspace, and an open-loop load: an ingest call of
/// `--call` events is started every call/rate seconds on schedule, whether or not earlier calls have returned (up to
/// `--max-in-flight` at once; beyond that the schedule slips and the lag is reported). For every message made to break
/// a rule (after the warm-up) it measures the call's return (the API's 202) to the commit of its outbox row.
/// </summary>
internal static class LatencyLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var run = await BenchRun.StartAsync(args, "latency", pipelineWorker: true);
        var options = run.Options;
        var traffic = run.NewTraffic();
        using var commits = new OutboxCommits();
        using var phases = new PhaseTimes();

        var interval = TimeSpan.FromSeconds((double)options.CallSize / options.Rate);
        var warmupCalls = (int)(options.Warmup / interval.TotalSeconds);
        var calls = warmupCalls + (int)(options.Seconds / interval.TotalSeconds);
        var acks = new ConcurrentDictionary<string, long>();
        var callTimes = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        using var gate = new SemaphoreSlim(options.MaxInFlight);
        var (inFlight, maxInFlight, accepted) = (0, 0, 0L);
        var maxLag = TimeSpan.Zero;
        var tasks = new List<Task>(calls);
        var start = Stopwatch.GetTimestamp();
        long measuredFrom = 0;
        for (var k = 0; k < calls; k++)
        {
            var due = interval * k;
            if (due - Stopwatch.GetElapsedTime(start) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            await gate.WaitAsync();
            maxLag = Max(maxLag, Stopwatch.GetElapsedTime(start) - due);
            if (k == warmupCalls)
            {
                measuredFrom = Stopwatch.GetTimestamp();
            }

            var now = DateTimeOffset.UtcNow;
            var call = Enumerable.Range(0, options.CallSize).Select(i => traffic.Next($"l{k}-{i}", now)).ToList();
            var tracked = k >= warmupCalls ? call.Where(c => c.Breaking).Select(c => c.Event.ExternalEventId!).ToList() : [];
            var measured = k >= warmupCalls;
            tasks.Add(Task.Run(async () =>
            {
                var n = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, n);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var stored = await run.Pipeline.StoreAsync(run.Workspace.WorkspaceId, [.. call.Select(c => c.Event)], CancellationToken.None);
                    var returned = Stopwatch.GetTimestamp();
                    tracked.ForEach(id => acks[id] = returned);
                    if (measured)
                    {
                        Interlocked.Add(ref accepted, stored);
                        callTimes.Add(Stopwatch.GetElapsedTime(sent, returned).TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    failures.AddOrUpdate(e.Message, 1, (_, n) => n + 1); // what the API would answer with a 500 (e.g. SQLite's busy timeout)
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
        var window = Stopwatch.GetElapsedTime(measuredFrom);
        var drain = await WaitForPipelineAsync(run.Pipeline, run.Workspace.WorkspaceId);
        var latencies = await LatenciesAsync(run.Host.Services.GetRequiredService<QunyunDbFactory>(), run.Workspace.WorkspaceId, acks, commits);

        Console.WriteLine($"{run.Database.Provider}: offered {options.Rate:N0} events/s for {options.Seconds} s (+{options.Warmup} s warm-up) in calls of {options.CallSize}, " +
            $"{options.Groups:N0} groups, {options.Members:N0} regular members, processed in batches of {run.Pipeline.ProcessBatch:N0}");
        Console.WriteLine($"  workspace: {run.Workspace.Summary}");
        Console.WriteLine($"  achieved: {accepted / window.TotalSeconds:N0} events/s accepted ({accepted:N0} in {window.TotalSeconds:0.0} s); " +
            $"max calls in flight {maxInFlight}, max schedule lag {maxLag.TotalMilliseconds:N0} ms; pipeline caught up {drain.TotalSeconds:0.0} s after the last call");
        Console.WriteLine($"  ingest call (to the 202):   {Summary([.. callTimes])}");
        foreach (var (message, count) in failures)
        {
            Console.WriteLine($"  failed calls: {count:N0} × {message}");
        }

        Console.WriteLine($"  202 → outbox row committed: {Summary(latencies)} ({acks.Count:N0} rule-breaking messages, {acks.Count - latencies.Count:N0} without a moderation outbox row)");
        phases.Print();
        return 0;
    }

    /// <summary>Waits until nothing is pending (the worker keeps processing); returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForPipelineAsync(PipelineSeam pipeline, Guid workspaceId)
    {
        var watch = Stopwatch.StartNew();
        while (await pipeline.PendingAsync(workspaceId) > 0 && watch.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(100);
        }

        await Task.Delay(500); // the last batch's commit
        return watch.Elapsed;
    }

    /// <summary>Milliseconds from the call's return to the outbox commit, per tracked message that got one.</summary>
    private static async Task<List<double>> LatenciesAsync(QunyunDbFactory factory, Guid workspaceId, IDictionary<string, long> acks, OutboxCommits commits)
    {
        await using var db = factory.Create(workspaceId);
        var values = new List<double>();
        foreach (var chunk in acks.Keys.Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var row in await db.Events.Where(e => EF.Parameter(ids).Contains(e.ExternalEventId)).Select(e => new { e.Id, e.ExternalEventId }).ToListAsync())
            {
                if (commits.CommittedAt.TryGetValue(row.Id, out var committed))
                {
                    // below zero when the batch committed before the call's own return was recorded
                    values.Add(Math.Max(0, Stopwatch.GetElapsedTime(acks[row.ExternalEventId], committed).TotalMilliseconds));
                }
            }
        }

        return values;
    }

    private static string Summary(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return "no samples";
        }

        var values = samples.Order().ToList();
        double At(double q) => values[Math.Min(values.Count - 1, (int)(q * values.Count))];
        return $"p50 {At(0.5),7:N1} ms  p90 {At(0.9),7:N1} ms  p99 {At(0.99),7:N1} ms  max {values[^1],7:N1} ms  (n = {values.Count:N0})";
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
