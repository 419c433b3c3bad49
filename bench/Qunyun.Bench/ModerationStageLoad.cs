using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Bench;

/// <summary>
/// `moderation-stage [--words 10000] [--messages 200000] [--data ../shared/realdata]`: what the moderation stage
/// computes per message — one group's compiled rules (a 10,000-word list plus every detector: links, phones,
/// contacts, invites, mentions, flood, spam waves, new-member links, a regex) — over real chat messages from 500
/// members, one thread, in messages per CPU second. Database writes happen only for the messages that break a rule.
/// </summary>
internal static class ModerationStageLoad
{
    public static int Run(string[] args)
    {
        var corpus = ModerationCorpus.Open(args);
        var wordCount = ModerationCorpus.Option(args, "--words") is { } w ? int.Parse(w) : 10_000;
        var count = ModerationCorpus.Option(args, "--messages") is { } m ? int.Parse(m) : 200_000;
        var words = corpus.BenchmarkWords(wordCount, seed: 7);
        var messages = corpus.BenchmarkMessages(count * 120L, seed: 11).Take(count).ToList();
        while (messages.Count < count)
        {
            messages.AddRange(messages.Take(count - messages.Count).ToList());
        }

        var definition = BenchRuleSet.Definition("bench");
        var lists = new Dictionary<string, IReadOnlyList<string>> { ["bench"] = words };
        CompiledRules.Compile(EffectiveRuleSet.Merge(definition, null), lists, [], []); // the fold tables load once per process
        var watch = Stopwatch.StartNew();
        var rules = CompiledRules.Compile(EffectiveRuleSet.Merge(definition, null), lists, ["兼职老师"], ["qunyun.dev"]);
        Console.WriteLine($"compiled {rules.WordCount:N0} words and 10 rules in {watch.Elapsed.TotalMilliseconds:0} ms");

        var members = Enumerable.Range(0, 500).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var inputs = messages.Select((text, i) => new MessageInput(members[i % members.Length], text, start.AddSeconds(i * 0.5),
            start.AddDays(-(i % 30)), MembershipRole.Member)).ToList();
        var best = double.MaxValue;
        for (var run = 0; run < 4; run++)
        {
            var state = new GroupDetectorState();
            long hit = 0;
            using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var input in inputs)
            {
                var hits = rules.Evaluate(input, state).Hits;
                hit += hits.Count > 0 ? 1 : 0;
                foreach (var h in hits)
                {
                    digest.AppendData(Encoding.UTF8.GetBytes($"{h.Rule.Key}|{h.Start}|{h.Length}|{h.Text}|{h.Detail}\n"));
                }
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var garbage = GC.GetAllocatedBytesForCurrentThread() - before;
            best = run > 0 ? Math.Min(best, cpu) : best;
            // The digest of every hit (rule, span, text, detail) tells whether a change of the engine changed a verdict.
            Console.WriteLine($"run {run + 1}: {inputs.Count:N0} messages in {cpu:0.000} CPU s = {inputs.Count / cpu:N0} messages/s; " +
                $"{hit:N0} caught ({100.0 * hit / inputs.Count:0.0} %), {garbage / inputs.Count:N0} B allocated per message, hits digest {Convert.ToHexString(digest.GetHashAndReset())[..12]}");
        }

        Console.WriteLine($"best of warm runs: {inputs.Count / best:N0} messages per CPU second ({best * 1e6 / inputs.Count:0.0} µs per message)");
        return 0;
    }
}
