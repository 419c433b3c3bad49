using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Policy;

public sealed class RuleSetValidationTests
{
    private static readonly HashSet<string> Lists = ["ads"];

    private static string[] Fields(RuleSetDefinition definition, bool isOverride = false) =>
        RuleSetValidation.Check(definition.Normalized(), isOverride, Lists, "definition").Select(e => e.Field).ToArray();

    [Fact]
    public void Check_GoodDefinition_NoErrors()
    {
        var definition = new RuleSetDefinition
        {
            Rules =
            [
                new() { Key = "ads", Detector = RuleDetectors.Words, List = "ads", Strike = true },
                new() { Key = "phone-like", Detector = RuleDetectors.Regex, Pattern = @"1[3-9]\d{9}", Actions = [new(ActionTypes.Delete)] },
                new() { Key = "flood", Detector = RuleDetectors.Flood, Threshold = 5, WindowSeconds = 10, Actions = [new(ActionTypes.Mute, 10)] },
            ],
            Ladder = StrikeLadder.Default,
            Warnings = new() { ["zh-CN"] = "{member} 请勿发广告（第 {strikes} 次）" },
        };

        Assert.Empty(Fields(definition));
    }

    [Fact]
    public void Check_UnknownListInvalidRegexAndMissingMinutes_NameTheirFields()
    {
        var definition = new RuleSetDefinition
        {
            Rules =
            [
                new() { Key = "x", Detector = RuleDetectors.Words, List = "nope", Strike = true },
                new() { Key = "y", Detector = RuleDetectors.Regex, Pattern = "([a-z", Actions = [new(ActionTypes.Mute)] },
            ],
        };

        Assert.Equal(["definition.rules[0].list", "definition.rules[1].pattern", "definition.rules[1].actions[0].minutes"], Fields(definition));
    }

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData("(?=x)y")]
    [InlineData("a*")]
    public void Check_BackreferenceLookaroundOrEmptyMatch_IsRejected(string pattern)
    {
        var definition = new RuleSetDefinition { Rules = [new() { Key = "r", Detector = RuleDetectors.Regex, Pattern = pattern, Actions = [new(ActionTypes.Delete)] }] };

        Assert.Equal(["definition.rules[0].pattern"], Fields(definition));
    }

    [Fact]
    public void Check_DuplicateKeysUnknownDetectorNoActionsBadRole_AllReported()
    {
        var definition = new RuleSetDefinition
        {
            Rules =
            [
                new() { Key = "a", Detector = RuleDetectors.Phone, Actions = [new(ActionTypes.Delete)], ExemptRoles = ["Boss"] },
                new() { Key = "a", Detector = "telepathy" },
            ],
        };

        Assert.Equal(
            ["definition.rules[0].exemptRoles", "definition.rules[1].key", "definition.rules[1].detector", "definition.rules[1].actions"],
            Fields(definition));
    }

    [Fact]
    public void Check_DisabledOnDefault_IsRejectedButAllowedOnOverride()
    {
        var definition = new RuleSetDefinition { Disabled = ["ads"] };

        Assert.Equal(["definition.disabled"], Fields(definition));
        Assert.Empty(Fields(definition, isOverride: true));
    }

    [Fact]
    public void Check_UnknownPlaceholderAndBadLadder_Reported()
    {
        var definition = new RuleSetDefinition
        {
            Warnings = new() { ["en"] = "Hi {nickname}" },
            Ladder = new StrikeLadder { ExpiryDays = 0, Steps = [[]] },
        };

        Assert.Equal(["definition.ladder.expiryDays", "definition.ladder.steps[0]", "definition.warnings.en"], Fields(definition));
    }

    [Fact]
    public void Check_NullsFromJson_AreNormalizedNotThrown()
    {
        var definition = new RuleSetDefinition { Rules = null!, Disabled = null! };

        Assert.Empty(Fields(definition));
    }
}
