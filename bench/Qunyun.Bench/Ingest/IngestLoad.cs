using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Data;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// `ingest [--events 100000] [--groups 200] [--members 20000] [--batch N] [--bare] [--no-baseline] [--report-memory] [--sql]
/// [--postgres "Host=…"] [--data ../shared/realdata]`: the app's host on a fresh database, a realistic workspace (or a
/// bare one), then the traffic stored call by call (1,000 events a call, as the API takes them) and drained by the
/// pipeline with every stage the app registers; then the same events into a bare table (<see cref="RawBaseline"/>).
/// `--sql` adds the database time of EF's statements by kind; `QUNYUN_BENCH_KEEP=1` keeps the SQLite file to inspect.
/// </summary>
internal static class IngestLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var run = await BenchRun.StartAsync(args, "ingest", pipelineWorker: false);
        var (options, pipeline, workspace, host) = (run.Options, run.Pipeline, run.Workspace, run.Host);
        var span = TimeSpan.FromDays(7);
        var traffic = run.NewTraffic();

        using var memory = options.ReportMemory ? new MemoryMonitor() : null;
        using var phases = new PhaseTimes();
        using var sql = args.Contains("--sql") ? new SqlTimes() : null;
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var stored = TimeSpan.Zero;
        foreach (var call in traffic.Calls(options.Events, PipelineSeam.CallSize, span))
        {
            var started = Stopwatch.GetTimestamp();
            await pipeline.StoreAsync(workspace.WorkspaceId, call, CancellationToken.None);
            stored += Stopwatch.GetElapsedTime(started);
        }

        process.Refresh();
        var cpuStored = process.TotalProcessorTime;
        var processWatch = Stopwatch.StartNew();
        var count = await pipeline.DrainAsync(CancellationToken.None);
        var processed = processWatch.Elapsed;
        process.Refresh();
        var cpuProcessed = process.TotalProcessorTime;

        var factory = host.Services.GetRequiredService<QunyunDbFactory>();
        var raw = options.Baseline
            ? await RawBaseline.RunAsync(factory, workspace.WorkspaceId, run.NewTraffic().Calls(options.Events, PipelineSeam.CallSize, span))
            : default;

        var total = options.Events;
        var endToEnd = total / (stored + processed).TotalSeconds;
        Console.WriteLine($"{run.Database.Provider}: {total:N0} events over {options.Groups:N0} groups and {options.Members:N0} regular members, " +
            $"{PipelineSeam.CallSize:N0} per ingest call, processed in batches of {pipeline.ProcessBatch:N0}");
        Console.WriteLine($"  workspace: {workspace.Summary}");
        Console.WriteLine($"  store (validate, dedupe, insert + commit):   {total / stored.TotalSeconds,10:N0} events/s  ({stored.TotalSeconds:0.0} s, {(cpuStored - cpuStart).TotalSeconds:0.0} s CPU)");
        Console.WriteLine($"  process (engine, stages, commit):            {count / processed.TotalSeconds,10:N0} events/s  ({processed.TotalSeconds:0.0} s, {(cpuProcessed - cpuStored).TotalSeconds:0.0} s CPU; {count:N0} events)");
        Console.WriteLine($"  end to end (store + process):                {endToEnd,10:N0} events/s  ({(cpuProcessed - cpuStart).TotalSeconds / total * 1e6:N0} µs CPU per event)");
        if (options.Baseline)
        {
            var rawRate = raw.Rows / raw.Wall.TotalSeconds;
            Console.WriteLine($"  raw baseline (bare table, same calls):       {rawRate,10:N0} events/s  ({raw.Wall.TotalSeconds:0.0} s, {raw.Cpu.TotalSeconds:0.0} s CPU; {raw.Rows:N0} rows)");
            Console.WriteLine($"  ratio end to end / raw:                      {endToEnd / rawRate,10:0.00}  (goal ≥ 0.5)");
        }

        phases.Print();
        sql?.Print();
        await WorkspaceOutcome.PrintAsync(factory, workspace.WorkspaceId, traffic.Counts);
        memory?.Print();
        return 0;
    }
}
