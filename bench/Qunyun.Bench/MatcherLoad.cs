using System.Diagnostics;
using System.Text;
using Qunyun.Engine.Moderation;

namespace Qunyun.Bench;

/// <summary>
/// `matcher [--words 10000] [--mb 50] [--data ../shared/realdata]`: builds the automaton for the benchmark word set and
/// scans ~50 MB (UTF-8) of real mixed chat messages on one thread, all folding on.
/// </summary>
internal static class MatcherLoad
{
    public static int Run(string[] args)
    {
        var corpus = ModerationCorpus.Open(args);
        var wordCount = ModerationCorpus.Option(args, "--words") is { } w ? int.Parse(w) : 10_000;
        var megabytes = ModerationCorpus.Option(args, "--mb") is { } m ? int.Parse(m) : 50;
        var words = corpus.BenchmarkWords(wordCount, seed: 7);
        var messages = corpus.BenchmarkMessages(megabytes * 1_000_000L, seed: 11);
        var chars = messages.Sum(m => (long)m.Length);
        var bytes = messages.Sum(m => (long)Encoding.UTF8.GetByteCount(m));
        var lists = new[] { new WordList("bench", words) };

        WordMatcher.Compile(lists);
        var builds = new List<double>();
        long allocated = 0;
        WordMatcher matcher = null!;
        for (var i = 0; i < 5; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            matcher = WordMatcher.Compile(lists);
            builds.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Console.WriteLine($"words: {matcher.WordCount:N0} ({words.Count(x => x[0] > 0x7F):N0} Chinese), states {matcher.StateCount:N0}");
        Console.WriteLine($"build: median {Median(builds):0} ms (min {builds.Min():0}), allocated {allocated / 1e6:0.0} MB, automaton {matcher.MemoryBytes / 1e6:0.00} MB");
        Console.WriteLine($"text:  {messages.Count:N0} messages, {chars / 1e6:0.0} M chars, {bytes / 1e6:0.0} MB UTF-8");

        var buffer = new WordHit[64];
        var results = new List<(double Seconds, long Hits, long Messages)>();
        for (var run = 0; run < 4; run++)
        {
            long hits = 0, hitMessages = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var message in messages)
            {
                var n = matcher.Match(message, buffer);
                hits += n;
                hitMessages += n > 0 ? 1 : 0;
            }

            watch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var garbage = GC.GetAllocatedBytesForCurrentThread() - before;
            results.Add((cpu, hits, hitMessages));
            Console.WriteLine($"scan {run + 1}: wall {watch.Elapsed.TotalSeconds:0.000} s ({chars / watch.Elapsed.TotalSeconds / 1e6:0.0} M chars/s), CPU {cpu:0.000} s: {chars / cpu / 1e6,6:0.0} M chars/s  {bytes / cpu / 1e6,6:0.0} MB/s UTF-8  {hits:N0} hits in {hitMessages:N0} messages, {garbage:N0} B allocated");
        }

        // CPU time, not wall time: the machine is shared, and CPU seconds of the one scanning thread are what "per core" means.
        var best = results.Skip(1).Min(r => r.Seconds);
        Console.WriteLine($"best of warm runs (per CPU second): {chars / best / 1e6:0.0} M chars/s, {bytes / best / 1e6:0.0} MB/s UTF-8, {messages.Count / best / 1e6:0.00} M messages/s");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
