using System.Diagnostics;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Pipeline;

namespace Qunyun.Bench;

/// <summary>
/// The pure pipeline engine on one thread: `engine [--events N] [--batch N]`. The same traffic shape as the ingest
/// load (200 groups, 20,000 members, messages with some reactions, joins and replies), in batches whose effects are
/// taken after each batch as the host does; state stays in memory, so this is the ceiling the database path works under.
/// </summary>
internal static class EngineLoad
{
    public static int Run(string[] args)
    {
        var total = Option(args, "--events") is { } n ? int.Parse(n) : 1_000_000;
        var batchSize = Option(args, "--batch") is { } b ? int.Parse(b) : 1000;
        var channel = Guid.CreateVersion7();
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new PipelineEvent[total];
        for (var i = 0; i < total; i++)
        {
            var kind = (i % 20) switch
            {
                0 => EventKind.MemberJoined,
                1 or 2 or 3 => EventKind.Reaction,
                _ => EventKind.Message,
            };
            events[i] = new PipelineEvent(kind, channel, $"u{i % 20_000}", $"g{i % 200}", start.AddSeconds(i * 2.5), $"用户{i % 20_000}", null, i % 7 == 0);
        }

        // A first pass lets the JIT reach its optimised code (as in a long-running host); the second is measured.
        Measure(events, channel, start, batchSize);
        var (cpu, wall, changes) = Measure(events, channel, start, batchSize);
        Console.WriteLine($"engine, one thread: {total:N0} events in batches of {batchSize:N0} (200 groups, 20,000 members)");
        // On a shared machine the wall clock also counts time spent waiting for a core; CPU time does not.
        Console.WriteLine($"  {total / cpu.TotalSeconds,12:N0} events per CPU second  ({cpu.TotalMilliseconds:N0} ms CPU, all threads incl. GC)");
        Console.WriteLine($"  {total / wall.TotalSeconds,12:N0} events/s wall clock  ({wall.TotalMilliseconds:N0} ms, {changes:N0} effect rows)");
        return 0;
    }

    private static (TimeSpan Cpu, TimeSpan Wall, long Changes) Measure(PipelineEvent[] events, Guid channel, DateTime start, int batchSize)
    {
        var total = events.Length;
        var state = new PipelineState();
        state.ChannelNames[channel] = "bench";
        var engine = new PipelineEngine(state, new PipelineSettings(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), TimeSpan.FromDays(14), GroupType.LongTerm));
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var changes = 0L;
        for (var offset = 0; offset < total; offset += batchSize)
        {
            var end = Math.Min(total, offset + batchSize);
            for (var i = offset; i < end; i++)
            {
                engine.Apply(events[i], start);
            }

            var effects = engine.TakeEffects();
            changes += effects.MemberDays.Count + effects.GroupDays.Count + effects.ActiveMembers.Count + effects.NewMembers.Count;
        }

        clock.Stop();
        process.Refresh();
        return (process.TotalProcessorTime - cpuBefore, clock.Elapsed, changes);
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
