using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Policy;

public sealed class EscalationTests
{
    private static readonly RuleDefinition Ads = new() { Key = "ads", Detector = RuleDetectors.Words, List = "ads", Strike = true };
    private static readonly RuleDefinition Abuse = new() { Key = "abuse", Detector = RuleDetectors.Words, List = "abuse", Actions = [new(ActionTypes.Delete), new(ActionTypes.Warn)] };

    [Theory]
    [InlineData(0, "delete,warn", 1)]
    [InlineData(1, "delete,mute(60)", 2)]
    [InlineData(2, "delete,kick", 3)]
    [InlineData(7, "delete,kick", 8)]
    public void Decide_StrikeRule_TakesTheLadderStepOfTheNextStrike(int activeStrikes, string actions, int strike)
    {
        var decision = Escalation.Decide([Ads], activeStrikes, StrikeLadder.Default);

        Assert.Equal(actions, string.Join(',', decision.Actions));
        Assert.Equal(strike, decision.Strike);
    }

    [Fact]
    public void Decide_RuleWithoutStrike_TakesItsOwnActionsAndCountsNoStrike()
    {
        var decision = Escalation.Decide([Abuse], 2, StrikeLadder.Default);

        Assert.Equal("delete,warn", string.Join(',', decision.Actions));
        Assert.Null(decision.Strike);
    }

    [Fact]
    public void Decide_SeveralRules_OneStrikeAndOnlyTheStrongestRestriction()
    {
        var muteLong = new RuleDefinition { Key = "m", Detector = RuleDetectors.Flood, Actions = [new(ActionTypes.Mute, 600)] };

        var decision = Escalation.Decide([Ads, Abuse, muteLong, Ads with { Key = "ads2" }], 1, StrikeLadder.Default);

        Assert.Equal("delete,warn,mute(600)", string.Join(',', decision.Actions));
        Assert.Equal(2, decision.Strike);
    }

    [Fact]
    public void Normalize_BanBeatsKickBeatsMute()
    {
        var actions = Escalation.Normalize([new(ActionTypes.Mute, 60), new(ActionTypes.Ban), new(ActionTypes.Kick), new(ActionTypes.Delete)]);

        Assert.Equal("delete,ban", string.Join(',', actions));
    }

    [Fact]
    public void StepFor_EmptyLadder_NoActions()
    {
        Assert.Empty(new StrikeLadder().StepFor(1));
    }
}
