using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Groups;

public sealed class StrictnessTests
{
    private static readonly RuleDefinition Ads = new() { Key = "ads", Detector = RuleDetectors.Words, List = "ads", Actions = [new(ActionTypes.Delete)], Strike = true };
    private static readonly RuleDefinition Links = new() { Key = "links", Detector = RuleDetectors.Links, Actions = [new(ActionTypes.Delete), new(ActionTypes.Mute, 10)] };
    private static readonly RuleDefinition Flood = new() { Key = "flood", Detector = RuleDetectors.Flood, Threshold = 6, WindowSeconds = 10, Actions = [new(ActionTypes.Mute, 10)] };
    private static readonly RuleDefinition Mentions = new() { Key = "mentions", Detector = RuleDetectors.Mentions, Actions = [new(ActionTypes.Delete)] };
    private static readonly EffectiveRuleSet Set = new([Ads, Links, Flood, Mentions], StrikeLadder.Default, EffectiveRuleSet.DefaultWarnings, null);

    [Fact]
    public void Standard_LeavesTheRulesAsWritten()
    {
        Assert.Same(Set, Strictness.Apply(Set, ModerationLevel.Standard));
    }

    [Fact]
    public void Light_MilderRulesOnlyWarn_StrikingRulesActAsWritten()
    {
        var light = Strictness.Apply(Set, ModerationLevel.Light).Rules.ToDictionary(r => r.Key);

        Assert.Equal([new ActionSpec(ActionTypes.Delete)], light["ads"].Actions);
        Assert.Equal([new ActionSpec(ActionTypes.Warn)], light["links"].Actions);
        Assert.Equal([new ActionSpec(ActionTypes.Warn)], light["flood"].Actions);
    }

    [Fact]
    public void Strict_LowersCountThresholds()
    {
        var strict = Strictness.Apply(Set, ModerationLevel.Strict).Rules.ToDictionary(r => r.Key);

        Assert.Equal(4, strict["flood"].Threshold);
        Assert.Equal(4, strict["mentions"].Threshold); // the detector's 5 when none is written
        Assert.Equal(Links, strict["links"]);
    }
}
