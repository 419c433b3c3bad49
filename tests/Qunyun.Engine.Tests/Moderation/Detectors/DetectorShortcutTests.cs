using CsCheck;
using Qunyun.Engine.Moderation.Detectors;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Detectors;

/// <summary>The detectors skip their patterns when a cheap pre-check says they cannot match, and the spam-wave hash
/// counts bits eight at a time: each shortcut must give what the long way gives.</summary>
public sealed class DetectorShortcutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // Pieces of links, numbers and mentions in their usual disguises, so that random texts often come close.
    private static readonly string[] Pieces =
    [
        "a", "Z", "x1", "-", ".", "。", "．", "点", "點", "(dot)", "[dot]", "dot", "com", "cn", "t.me", "www", "http://", "/", ":",
        "1", "3", "8", "０", "５", "一", "三", "八", "幺", "+", "00", " ", "❤", "@", "＠", "﹫", "name", "微信", "好", "👍", "\u200b",
    ];

    private static readonly Gen<string> Texty = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 30].Select(string.Concat);

    [Fact]
    public void MayHoldLink_WhenFalse_ThePatternFindsNothing()
    {
        Texty.Sample(text => DetectorText.MayHoldLink(text) || !LinkDetector.LinkPattern().IsMatch(DetectorText.Normalize(text)));
    }

    [Fact]
    public void CountDigits_BelowEight_NoPhonePatternMatches()
    {
        Texty.Sample(text =>
        {
            var digits = DetectorText.Digits(text);
            return DetectorText.CountDigits(text, 8) >= 8 || !(PhoneDetector.ChineseMobile().IsMatch(digits) || PhoneDetector.International().IsMatch(digits));
        });
    }

    [Fact]
    public void Contains_NoAt_NoMention()
    {
        Texty.Sample(text => DetectorText.Contains(text, '@') || !MentionDetector.Mention().IsMatch(DetectorText.Normalize(text)));
    }

    [Fact]
    public void SimHash_EqualsCountingEveryBitOfEveryTrigram()
    {
        // Up to 600 characters: past 255 trigrams the byte counters are flushed in between.
        Gen.Char['a', 'z'].Array[0, 600].Select(c => new string(c)).Sample(skeleton => SpamWaveTracker.SimHash(skeleton) == ReferenceSimHash(skeleton));
    }

    [Fact]
    public void SpamWave_MoreMessagesThanTheRingHolds_StillFindsTheWave()
    {
        var tracker = new SpamWaveTracker(SpamWaveOptions.Default);
        for (var i = 0; i < 100; i++)
        {
            tracker.Observe(Guid.NewGuid(), $"今天天气怎么样，第{i}号同学说{(char)('甲' + i)}{(char)('乙' + (i * 7))}", T0.AddSeconds(i));
        }

        var (first, second, third) = StatefulDetectorsTests.ObserveWave(tracker, T0.AddSeconds(101));

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(FindingKind.SpamWave, third?.Kind);
    }

    [Fact]
    public void FloodWindows_IdleForADay_AreForgotten()
    {
        var state = new GroupDetectorState();
        var rule = new RuleDefinition { Key = "flood", Detector = RuleDetectors.Flood, Threshold = 5, WindowSeconds = 10 };
        for (var i = 0; i < 50; i++)
        {
            state.RecordFlood(rule, Guid.NewGuid(), T0.AddSeconds(i));
        }

        for (var i = 0; i < 60; i++)
        {
            state.RecordFlood(rule, Guid.Empty, T0.AddDays(2).AddSeconds(i));
        }

        Assert.Equal(1, state.TrackedWindows);
    }

    private static ulong ReferenceSimHash(string skeleton)
    {
        var weights = new int[64];
        for (var i = 0; i + 3 <= skeleton.Length; i++)
        {
            var h = SpamWaveTracker.Fnv(skeleton.AsSpan(i, 3));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((h >> bit) & 1) != 0 ? 1 : -1;
            }
        }

        return Enumerable.Range(0, 64).Aggregate(0UL, (hash, bit) => weights[bit] > 0 ? hash | (1UL << bit) : hash);
    }
}
