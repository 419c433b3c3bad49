using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Policy;

public sealed class EffectiveRuleSetTests
{
    private static RuleDefinition Rule(string key, string list = "ads") => new() { Key = key, Detector = RuleDetectors.Words, List = list, Strike = true };

    private static readonly RuleSetDefinition Default = new()
    {
        Rules = [Rule("ads"), Rule("abuse", "abuse"), Rule("links") with { Detector = RuleDetectors.Links, List = null }],
        RulesText = "不发广告",
        Ladder = StrikeLadder.Default with { ExpiryDays = 7 },
    };

    [Fact]
    public void Merge_NoOverride_IsTheDefault()
    {
        var effective = EffectiveRuleSet.Merge(Default, null);

        Assert.Equal(["ads", "abuse", "links"], effective.Rules.Select(r => r.Key));
        Assert.Equal("不发广告", effective.RulesText);
        Assert.Equal(7, effective.Ladder.ExpiryDays);
    }

    [Fact]
    public void Merge_Override_DisablesReplacesInPlaceAndAdds()
    {
        var groupOverride = new RuleSetDefinition
        {
            Disabled = ["links"],
            Rules = [Rule("abuse", "abuse-strict"), Rule("competitors", "competitors")],
        };

        var effective = EffectiveRuleSet.Merge(Default, groupOverride);

        Assert.Equal(["ads", "abuse", "competitors"], effective.Rules.Select(r => r.Key));
        Assert.Equal("abuse-strict", effective.Rules[1].List);
        Assert.Equal("不发广告", effective.RulesText);
        Assert.Equal(7, effective.Ladder.ExpiryDays);
    }

    [Fact]
    public void Merge_OverrideThatDoesNotInherit_TakesNothingFromTheDefault()
    {
        var effective = EffectiveRuleSet.Merge(Default, new RuleSetDefinition { Inherit = false, Rules = [Rule("own")] });

        Assert.Equal(["own"], effective.Rules.Select(r => r.Key));
        Assert.Null(effective.RulesText);
        Assert.Equal(StrikeLadder.Default, effective.Ladder);
    }

    [Fact]
    public void Merge_DisabledRule_IsLeftOut()
    {
        var effective = EffectiveRuleSet.Merge(Default with { Rules = [Rule("ads") with { Enabled = false }] }, null);

        Assert.Empty(effective.Rules);
    }

    [Fact]
    public void WarningFor_ChineseVariantsUseZhCn()
    {
        var effective = EffectiveRuleSet.Merge(Default with { Warnings = new() { ["en"] = "No ads, {member}." } }, null);

        Assert.Equal("No ads, {member}.", effective.WarningFor("en-US"));
        Assert.StartsWith("{member}，", effective.WarningFor("zh-Hans"));
    }
}
