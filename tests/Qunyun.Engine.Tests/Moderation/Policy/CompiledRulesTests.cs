using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Policy;

public sealed class CompiledRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly ActionSpec[] Delete = [new(ActionTypes.Delete)];

    private static readonly Dictionary<string, IReadOnlyList<string>> Lists = new()
    {
        ["ads"] = ["加微信", "兼职"],
        ["abuse"] = ["傻瓜"],
    };

    private static CompiledRules Compile(IEnumerable<RuleDefinition> rules, string[]? phrases = null, string[]? domains = null) =>
        CompiledRules.Compile(EffectiveRuleSet.Merge(new RuleSetDefinition { Rules = [.. rules] }, null), Lists, phrases ?? [], domains ?? []);

    private static RuleDefinition Rule(string key, string detector, string? list = null) =>
        new() { Key = key, Detector = detector, List = list, Actions = [.. Delete] };

    private static IReadOnlyList<RuleHit> Hits(CompiledRules rules, string text, MembershipRole role = MembershipRole.Member, GroupDetectorState? state = null) =>
        rules.Evaluate(new MessageInput(Member, text, At, Role: role), state ?? new GroupDetectorState()).Hits;

    [Fact]
    public void Words_HitThroughFolding_WithTheSpanOfTheOriginalText()
    {
        var rules = Compile([Rule("ads", RuleDetectors.Words, "ads")]);

        var hit = Assert.Single(Hits(rules, "有需要的 加·微·信 哦"));

        Assert.Equal(("ads", 5, 5, "加·微·信", "加微信"), (hit.Rule.Key, hit.Start, hit.Length, hit.Text, hit.Detail));
    }

    [Fact]
    public void ExemptRole_IsNotJudged_ButOtherRolesAre()
    {
        var rules = Compile([Rule("ads", RuleDetectors.Words, "ads") with { ExemptRoles = ["Admin"] }]);

        Assert.Empty(Hits(rules, "加微信", MembershipRole.Admin));
        Assert.Single(Hits(rules, "加微信", MembershipRole.Owner));
    }

    [Fact]
    public void AllowedPhrase_SuppressesHitsInsideIt_Only()
    {
        var rules = Compile([Rule("ads", RuleDetectors.Words, "ads")], phrases: ["兼职老师"]);

        Assert.Empty(Hits(rules, "招兼职老师两名"));
        Assert.Equal("兼职", Assert.Single(Hits(rules, "兼职老师和兼职日结")).Detail);
    }

    [Fact]
    public void AllowedPhrase_ThatCanNeverMatch_IsLeftOut_AndTheRulesStillCompile()
    {
        var rules = Compile([Rule("ads", RuleDetectors.Words, "ads")], phrases: ["😀", "？！", "兼职老师"]);

        Assert.Empty(Hits(rules, "招兼职老师两名"));
        Assert.Equal("兼职", Assert.Single(Hits(rules, "😀 兼职日结")).Detail);
        Assert.NotNull(WordMatcher.Problem("😀"));
        Assert.Null(WordMatcher.Problem("兼职老师"));
    }

    [Fact]
    public void Links_OutsideTheGroupAndRuleAllowLists_AreHitsWithTheirDomain()
    {
        var rules = Compile([Rule("links", RuleDetectors.Links) with { AllowDomains = ["partner.cn"] }], domains: ["qunyun.dev"]);

        var hits = Hits(rules, "官网 https://www.qunyun.dev/x 合作 docs.partner.cn/a 广告 spam-site.xyz/buy");

        Assert.Equal(["spam-site.xyz"], hits.Select(h => h.Detail));
    }

    [Fact]
    public void NewMemberLinks_OnlyWithinTheFirstHours()
    {
        var rules = Compile([Rule("new", RuleDetectors.NewMemberLinks) with { Hours = 24 }]);
        MessageInput Joined(TimeSpan ago) => new(Member, "看 spam-site.xyz", At, JoinedAt: At - ago);

        Assert.Equal("spam-site.xyz", Assert.Single(rules.Evaluate(Joined(TimeSpan.FromHours(2)), new()).Hits).Detail);
        Assert.Empty(rules.Evaluate(Joined(TimeSpan.FromHours(30)), new()).Hits);
    }

    [Fact]
    public void Flood_CountsPerMemberInTheWindow_AndReplayRebuildsIt()
    {
        var rules = Compile([Rule("flood", RuleDetectors.Flood) with { Threshold = 2, WindowSeconds = 10 }]);
        var state = new GroupDetectorState();
        rules.Replay(Member, "一", At.AddSeconds(-4), state);
        rules.Replay(Member, "二", At.AddSeconds(-2), state);

        var third = rules.Evaluate(new MessageInput(Member, "三", At), state).Hits;
        var otherMember = rules.Evaluate(new MessageInput(Guid.NewGuid(), "四", At), state).Hits;

        Assert.Single(third);
        Assert.Empty(otherMember);
        Assert.Equal(TimeSpan.FromSeconds(10), rules.LongestWindow);
    }

    [Fact]
    public void SpamWave_SameTextFromSeveralMembers()
    {
        var rules = Compile([Rule("wave", RuleDetectors.SpamWave) with { Threshold = 3, WindowSeconds = 600 }]);
        var state = new GroupDetectorState();
        var text = "限时福利，私聊领取免费课程资料包";

        var results = Enumerable.Range(0, 3).Select(i => rules.Evaluate(new MessageInput(Guid.NewGuid(), text, At.AddSeconds(i)), state).Hits.Count).ToList();

        Assert.Equal([0, 0, 1], results);
    }

    [Fact]
    public void Mentions_AtTheThreshold_AndPlatformMentionsCount()
    {
        var rules = Compile([Rule("mentions", RuleDetectors.Mentions) with { Threshold = 3 }]);

        Assert.Single(Hits(rules, "@a @b @c 快来"));
        Assert.Empty(Hits(rules, "@a @b 快来"));
        Assert.Single(rules.Evaluate(new MessageInput(Member, "快来", At, PlatformMentions: 5), new()).Hits);
    }

    [Fact]
    public void QrCodes_PointingOutsideTheAllowList_AreHits_UnreadableImagesAreReported()
    {
        var rules = Compile([Rule("qr", RuleDetectors.Qr)], domains: ["qunyun.dev"]);
        var images = new[]
        {
            new ImageScan("a.png", ["https://spam-site.xyz/join"]),
            new ImageScan("b.png", ["https://qunyun.dev/welcome"]),
            new ImageScan("c.png", [], "not an image"),
        };

        var evaluation = rules.Evaluate(new MessageInput(Member, "", At, Images: images), new());

        Assert.Equal("spam-site.xyz", Assert.Single(evaluation.Hits).Detail);
        Assert.Equal("c.png", Assert.Single(evaluation.Unreadable).Url);
        Assert.True(rules.NeedsImages);
    }

    [Fact]
    public void SeveralRules_HitsComeInRuleOrder()
    {
        var rules = Compile([Rule("abuse", RuleDetectors.Words, "abuse"), Rule("ads", RuleDetectors.Words, "ads"), Rule("re", RuleDetectors.Regex) with { Pattern = @"\d{11}" }]);

        var hits = Hits(rules, "加微信 13812345678 傻瓜");

        Assert.Equal(["abuse", "ads", "re"], hits.Select(h => h.Rule.Key));
    }
}
