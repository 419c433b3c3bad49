using CsCheck;
using Qunyun.Engine.Events;
using Qunyun.Engine.Scoring;
using Qunyun.Engine.Tagging;

namespace Qunyun.Engine.Tests.Tagging;

public sealed class TagRuleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Now = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc); // 17:30 in Shanghai
    private static readonly Guid Channel = Guid.CreateVersion7();

    private static RuleFact Fact(EventKind kind, DateTime at, decimal amount = 0, string? currency = null, Guid? group = null, params string[] topics) =>
        new(kind, at, Topics.Keys(topics), Channel, group, amount, currency);

    [Fact]
    public void HoldsAt_TwentyMessagesInSevenDays_HoldsFromTheTwentieth()
    {
        var rule = new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 20, 7);
        var messages = Enumerable.Range(0, 20).Select(i => Fact(EventKind.Message, Now.AddHours(-i))).ToList();

        Assert.False(rule.HoldsAt(messages.Take(19), Now, Shanghai));
        Assert.True(rule.HoldsAt(messages, Now, Shanghai));
        Assert.False(rule.HoldsAt(messages, Now.AddDays(7), Shanghai));
    }

    [Fact]
    public void Window_StartsAtLocalMidnightOfTheFirstDay()
    {
        var rule = new TagRule(RuleMetric.CheckIns, RuleComparison.AtLeast, 1, 2);
        var window = rule.Window(Now, Shanghai);
        var midnightInShanghai = new DateTime(2026, 11, 21, 16, 0, 0, DateTimeKind.Utc); // 2026-11-22 00:00 +08:00

        Assert.Equal(new DateOnly(2026, 11, 22), window.FirstDay);
        Assert.Equal(midnightInShanghai, window.StartUtc);
        Assert.True(rule.HoldsAt([Fact(EventKind.CheckIn, midnightInShanghai)], Now, Shanghai));
        Assert.False(rule.HoldsAt([Fact(EventKind.CheckIn, midnightInShanghai.AddSeconds(-1))], Now, Shanghai));
    }

    [Fact]
    public void Window_AgreesWithTheLocalDayOfEveryInstant_InZonesWithClockChanges()
    {
        var zones = new[] { "Asia/Shanghai", "America/New_York", "Europe/London", "America/Santiago", "UTC" }.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        var origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Gen.Select(Gen.Int[0, zones.Length - 1], Gen.Int[0, 365 * 24 * 60], Gen.Int[-40 * 24 * 60, 0], Gen.Int[1, 30]).Sample((zone, nowMinutes, factOffset, days) =>
        {
            var now = origin.AddMinutes(nowMinutes);
            var at = now.AddMinutes(factOffset);
            var window = RuleWindow.Of(days, now, zones[zone]);
            return at >= window.StartUtc == LocalDay.Of(at, zones[zone]) >= window.FirstDay;
        });
    }

    [Fact]
    public void HoldsAt_TopicRule_CountsOnlyEventsWithTheTopic_FoldedLikeSearch()
    {
        var rule = new TagRule(RuleMetric.EventsAttended, RuleComparison.AtLeast, 1, 90, Topic: " Italian-Wine ").Normalized();

        Assert.Equal("italian-wine", rule.Topic);
        Assert.True(rule.HoldsAt([Fact(EventKind.EventAttended, Now.AddDays(-80), topics: ["ＩＴＡＬＩＡＮ-wine", "tasting"])], Now, Shanghai));
        Assert.False(rule.HoldsAt([Fact(EventKind.EventAttended, Now.AddDays(-80), topics: "coffee")], Now, Shanghai));
        Assert.False(rule.HoldsAt([Fact(EventKind.ContentViewed, Now, topics: "italian-wine")], Now, Shanghai));
    }

    [Fact]
    public void HoldsAt_ChineseTopic_Matches()
    {
        var rule = new TagRule(RuleMetric.ContentViews, RuleComparison.AtLeast, 2, 30, Topic: "意大利葡萄酒").Normalized();
        var views = new[] { Fact(EventKind.ContentViewed, Now, topics: "意大利葡萄酒"), Fact(EventKind.ContentViewed, Now.AddDays(-3), topics: ["意大利葡萄酒", "品鉴"]) };

        Assert.True(rule.HoldsAt(views, Now, Shanghai));
        Assert.False(rule.HoldsAt(views.Take(1), Now, Shanghai));
    }

    [Fact]
    public void HoldsAt_PurchaseAmount_SumsExactlyInTheWindowAndCurrency()
    {
        var rule = new TagRule(RuleMetric.PurchaseAmount, RuleComparison.AtLeast, 500, 30, Currency: "cny").Normalized();
        var purchases = new[]
        {
            Fact(EventKind.Purchase, Now.AddDays(-1), 250.10m, "CNY"),
            Fact(EventKind.Purchase, Now.AddDays(-2), 249.90m, "CNY"),
            Fact(EventKind.Purchase, Now.AddDays(-3), 1000m, "USD"),
            Fact(EventKind.Purchase, Now.AddDays(-40), 1000m, "CNY"),
        };

        Assert.Equal(Amounts.ToUnits(500m), rule.Measure(purchases, rule.Window(Now, Shanghai)));
        Assert.True(rule.HoldsAt(purchases, Now, Shanghai));
        Assert.False(rule.HoldsAt(purchases.Skip(1), Now, Shanghai));
    }

    [Fact]
    public void HoldsAt_GroupScope_CountsOnlyThatGroup()
    {
        var group = Guid.CreateVersion7();
        var rule = new TagRule(RuleMetric.CheckIns, RuleComparison.AtLeast, 2, 7, GroupId: group);

        Assert.False(rule.HoldsAt([Fact(EventKind.CheckIn, Now, group: group), Fact(EventKind.CheckIn, Now, group: Guid.CreateVersion7())], Now, Shanghai));
        Assert.True(rule.HoldsAt([Fact(EventKind.CheckIn, Now, group: group), Fact(EventKind.CheckIn, Now.AddHours(-1), group: group)], Now, Shanghai));
    }

    [Theory]
    [InlineData(RuleComparison.AtLeast, 3, false, true, true)]
    [InlineData(RuleComparison.MoreThan, 3, false, false, true)]
    [InlineData(RuleComparison.AtMost, 3, true, true, false)]
    [InlineData(RuleComparison.LessThan, 3, true, false, false)]
    [InlineData(RuleComparison.Exactly, 3, false, true, false)]
    [InlineData(RuleComparison.Exactly, 0, true, true, false)]
    public void HoldsFor_EachComparison(RuleComparison comparison, int threshold, bool atZero, bool atThreshold, bool above)
    {
        var rule = new TagRule(RuleMetric.Messages, comparison, threshold, 7);

        Assert.Equal(atZero, rule.HoldsWithoutActivity());
        Assert.Equal(atThreshold, rule.HoldsFor(threshold));
        Assert.Equal(above, rule.HoldsFor(threshold + 1));
    }

    [Fact]
    public void HoldsFor_OutOfScope_OnlyRulesThatNeedActivityHold()
    {
        var quiet = new TagRule(RuleMetric.Messages, RuleComparison.AtMost, 2, 7);
        var busy = new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 2, 7);

        Assert.True(quiet.HoldsFor(1, inScope: true));
        Assert.False(quiet.HoldsFor(1, inScope: false));
        Assert.True(busy.HoldsFor(5, inScope: false));
    }

    [Fact]
    public void HoldsFor_AtLeastAndLessThan_AreComplements()
    {
        Gen.Select(Gen.Long[0, 10_000], Gen.Int[0, 10_000]).Sample((measure, threshold) =>
            new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, threshold, 7).HoldsFor(measure)
            != new TagRule(RuleMetric.Messages, RuleComparison.LessThan, threshold, 7).HoldsFor(measure));
    }

    [Fact]
    public void Problems_NameTheFieldOfEachMistake()
    {
        static string[] FieldsOf(TagRule rule) => rule.Problems().Select(p => p.Field).ToArray();

        Assert.Empty(FieldsOf(new TagRule(RuleMetric.PurchaseAmount, RuleComparison.AtLeast, 499.5m, 30, "wine", Currency: "CNY")));
        Assert.Equal(["Topic"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 20, 7, Topic: "wine")));
        Assert.Equal(["Topic"], FieldsOf(new TagRule(RuleMetric.ContentViews, RuleComparison.AtLeast, 1, 7, Topic: new string('x', 56))));
        Assert.Equal(["Threshold"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 2.5m, 7)));
        Assert.Equal(["Threshold"], FieldsOf(new TagRule(RuleMetric.PurchaseAmount, RuleComparison.AtLeast, 0.00001m, 7)));
        Assert.Equal(["Threshold"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, -1, 7)));
        Assert.Equal(["Threshold"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.LessThan, 0, 7)));
        Assert.Equal(["WindowDays"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 1, 0)));
        Assert.Equal(["WindowDays"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 1, TagRule.MaxWindowDays + 1)));
        Assert.Equal(["Currency"], FieldsOf(new TagRule(RuleMetric.CheckIns, RuleComparison.AtLeast, 1, 7, Currency: "CNY")));
        Assert.Equal(["Currency"], FieldsOf(new TagRule(RuleMetric.Purchases, RuleComparison.AtLeast, 1, 7, Currency: "元")));
        Assert.Equal(["ChannelId"], FieldsOf(new TagRule(RuleMetric.Messages, RuleComparison.AtLeast, 1, 7, GroupId: Guid.CreateVersion7(), ChannelId: Guid.CreateVersion7())));
        Assert.Equal(["Metric", "Comparison"], FieldsOf(new TagRule((RuleMetric)99, (RuleComparison)99, 1, 7)));
    }
}
