using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Engine.Tests.Moderation.Policy;

public sealed class RuleSetDiffTests
{
    private static RuleDefinition Rule(string key) => new() { Key = key, Detector = RuleDetectors.Words, List = key, Strike = true };

    [Fact]
    public void Between_FirstVersion_EverythingAdded()
    {
        var changes = RuleSetDiff.Between(null, new RuleSetDefinition { Rules = [Rule("ads")], RulesText = "不发广告" });

        Assert.Equal([(ChangeKind.Added, "rule ads"), (ChangeKind.Added, "rules text")], changes.Select(c => (c.Kind, c.Subject)));
    }

    [Fact]
    public void Between_Versions_ReportsRemovedAddedChangedAndSettings()
    {
        var before = new RuleSetDefinition { Rules = [Rule("ads"), Rule("abuse"), Rule("flood")], Ladder = StrikeLadder.Default };
        var after = new RuleSetDefinition
        {
            Rules = [Rule("ads"), Rule("abuse") with { Actions = [new(ActionTypes.Delete)] }, Rule("links")],
            Ladder = StrikeLadder.Default with { ExpiryDays = 14 },
        };

        var changes = RuleSetDiff.Between(before, after);

        Assert.Equal(
            [(ChangeKind.Removed, "rule flood"), (ChangeKind.Changed, "rule abuse"), (ChangeKind.Added, "rule links"), (ChangeKind.Changed, "ladder")],
            changes.Select(c => (c.Kind, c.Subject)));
        Assert.Contains("actions=delete", changes[1].After);
        Assert.Equal("-flood ~abuse +links ladder", RuleSetDiff.Summarize(changes));
    }

    [Fact]
    public void Between_Identical_NoChanges()
    {
        var definition = new RuleSetDefinition { Rules = [Rule("ads")] };

        Assert.Empty(RuleSetDiff.Between(definition, definition with { Rules = [Rule("ads")] }));
    }
}
