using Qunyun.Engine.Bot;

namespace Qunyun.Engine.Tests.Bot;

public sealed class AutoReplyMatcherTests
{
    private static readonly Guid Group = Guid.NewGuid();
    private static readonly Guid OtherGroup = Guid.NewGuid();

    [Theory]
    [InlineData(MatchMode.Exact, "发票", "发票！", true)]
    [InlineData(MatchMode.Exact, "发票", "我要发票", false)]
    [InlineData(MatchMode.Contains, "发票", "我要开发票", true)]
    [InlineData(MatchMode.AnyOf, "发票\ninvoice", "Need an INVOICE", true)]
    [InlineData(MatchMode.AnyOf, "发票\ninvoice", "价格多少", false)]
    [InlineData(MatchMode.Regex, "^(价格|多少钱)", "多少钱一个月", true)]
    [InlineData(MatchMode.Similar, "怎么开发票\n发票怎么开", "请问怎么开发票？", true)]
    [InlineData(MatchMode.Similar, "怎么开发票", "今天天气不错", false)]
    public void Match_EachMode(MatchMode mode, string pattern, string text, bool matches)
    {
        var matcher = new AutoReplyMatcher([new AutoReplyRuleDefinition(Guid.NewGuid(), null, mode, pattern, 0)]);

        Assert.Equal(matches, matcher.Match(text, Group).Count == 1);
    }

    [Fact]
    public void Match_OrdersByPriorityThenGroupScope()
    {
        var low = new AutoReplyRuleDefinition(Guid.NewGuid(), null, MatchMode.Contains, "发票", 1);
        var high = new AutoReplyRuleDefinition(Guid.NewGuid(), null, MatchMode.Contains, "发票", 5);
        var groupLow = new AutoReplyRuleDefinition(Guid.NewGuid(), Group, MatchMode.Contains, "发票", 1);
        var otherGroup = new AutoReplyRuleDefinition(Guid.NewGuid(), OtherGroup, MatchMode.Contains, "发票", 9);

        var matches = new AutoReplyMatcher([low, high, groupLow, otherGroup]).Match("开发票", Group);

        Assert.Equal([high.Id, groupLow.Id, low.Id], matches.Select(m => m.RuleId));
    }

    [Fact]
    public void Check_BadRegex_Explains()
    {
        Assert.NotNull(AutoReplyMatcher.Check(MatchMode.Regex, "(unclosed"));
        Assert.Null(AutoReplyMatcher.Check(MatchMode.Regex, "ok+"));
        Assert.NotNull(AutoReplyMatcher.Check(MatchMode.Contains, "？？"));
    }

    [Fact]
    public void Match_CatastrophicRegex_TimesOutAsNoMatch()
    {
        var matcher = new AutoReplyMatcher([new AutoReplyRuleDefinition(Guid.NewGuid(), null, MatchMode.Regex, "^(a+)+$", 0)]);

        Assert.Empty(matcher.Match(new string('a', 5000) + "!", Group));
    }
}
