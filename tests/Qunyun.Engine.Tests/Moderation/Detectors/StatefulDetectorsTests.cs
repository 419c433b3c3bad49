using Qunyun.Engine.Moderation.Detectors;

namespace Qunyun.Engine.Tests.Moderation.Detectors;

public sealed class StatefulDetectorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FloodWindow_MoreThanMaxWithinWindow_IsFlood()
    {
        var window = new FloodWindow(maxMessages: 3, TimeSpan.FromSeconds(10));

        var results = Enumerable.Range(0, 4).Select(i => window.Record(T0.AddSeconds(i * 2))).ToList();

        Assert.All(results.Take(3), r => Assert.Null(r));
        Assert.Equal(FindingKind.Flood, results[3]?.Kind);
    }

    [Fact]
    public void FloodWindow_SpreadOut_IsNotFlood()
    {
        var window = new FloodWindow(maxMessages: 3, TimeSpan.FromSeconds(10));

        var results = Enumerable.Range(0, 10).Select(i => window.Record(T0.AddSeconds(i * 4))).ToList();

        Assert.All(results, r => Assert.Null(r));
    }

    [Fact]
    public void SpamWave_NearIdenticalTextsFromThreeMembers_IsAWave()
    {
        var tracker = new SpamWaveTracker(SpamWaveOptions.Default);

        var (first, second, third) = ObserveWave(tracker, T0);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(FindingKind.SpamWave, third?.Kind);
    }

    /// <summary>Three members send nearly the same ad a minute apart.</summary>
    internal static (Finding? First, Finding? Second, Finding? Third) ObserveWave(SpamWaveTracker tracker, DateTimeOffset at) =>
        (tracker.Observe(Guid.NewGuid(), "低价出售比特币，加微信 abc123 详聊！！", at),
         tracker.Observe(Guid.NewGuid(), "低价出售比特币, 加 微信 abc124 详聊!", at.AddMinutes(1)),
         tracker.Observe(Guid.NewGuid(), "低價出售比特幣，加微信 abc125 詳聊🔥", at.AddMinutes(2)));

    [Fact]
    public void SpamWave_SameMemberOrOutsideWindowOrDifferentText_IsNoWave()
    {
        var tracker = new SpamWaveTracker(SpamWaveOptions.Default);
        var member = Guid.NewGuid();

        var repeats = Enumerable.Range(0, 5).Select(i => tracker.Observe(member, "低价出售比特币，加微信详聊", T0.AddSeconds(i))).ToList();
        var late = tracker.Observe(Guid.NewGuid(), "低价出售比特币，加微信详聊", T0.AddHours(1));
        var different = tracker.Observe(Guid.NewGuid(), "今天的分享会几点开始呀？", T0.AddHours(1));

        Assert.All(repeats, r => Assert.Null(r));
        Assert.Null(late);
        Assert.Null(different);
    }

    [Fact]
    public void NewMemberRestriction_LinkInFirstDay_IsRestricted()
    {
        var findings = MessageDetectors.Detect("see spam.example.com", DetectorOptions.Default);
        var rule = NewMemberRestriction.NoLinksFirstDay;

        var early = rule.Check(T0, T0.AddHours(3), findings);
        var later = rule.Check(T0, T0.AddHours(25), findings);

        Assert.Equal(FindingKind.NewMemberRestricted, Assert.Single(early).Kind);
        Assert.Empty(later);
    }

    [Fact]
    public void Detect_AllowListedDomainAndSubdomain_FindNothing()
    {
        var options = DetectorOptions.Default with { AllowedDomains = new DomainAllowList(["example.com"]) };

        var findings = MessageDetectors.Detect("docs at https://docs.example.com/a and www.example.com", options);

        Assert.Empty(findings);
    }

    [Fact]
    public void MassMention_AtThreshold_IsFound()
    {
        var text = "@alice @bob @carol @dave @erin look";

        Assert.Equal(5, MentionDetector.Count(text));
        Assert.Equal(FindingKind.MassMention, MentionDetector.Find(text, threshold: 5)?.Kind);
        Assert.Null(MentionDetector.Find(text, threshold: 6));
    }
}
