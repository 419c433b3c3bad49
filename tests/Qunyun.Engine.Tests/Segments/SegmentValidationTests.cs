using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;

namespace Qunyun.Engine.Tests.Segments;

public sealed class SegmentValidationTests
{
    private static readonly Guid Tag = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

    [Fact]
    public void Validate_EveryKindOfConditionFilledIn_HasNoErrors()
    {
        var definition = SegmentNode.And(
            SegmentNode.HasTag(Tag),
            SegmentNode.Or(SegmentNode.Interest(Tag, 0.5), SegmentNode.InGroup(Guid.NewGuid()), SegmentNode.InGroupOfType(GroupType.ShortTerm)),
            SegmentNode.Not(SegmentNode.OnChannel(Guid.NewGuid())),
            SegmentNode.Moment(SegmentNodeType.JoinedBefore, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))),
            SegmentNode.Recent(SegmentNodeType.InactiveForDays, 30),
            SegmentNode.ScoreAtLeast(2.5),
            SegmentNode.Attribute(SegmentNodeType.AttributeContains, "city", "杭"),
            SegmentNode.Attribute(SegmentNodeType.AttributeMissing, "union_id"));

        Assert.Empty(SegmentValidation.Validate(definition));
    }

    [Fact]
    public void Validate_EmptyGroups_AreAllowed()
    {
        Assert.Empty(SegmentValidation.Validate(SegmentNode.And()));
        Assert.Empty(SegmentValidation.Validate(SegmentNode.Or()));
    }

    [Fact]
    public void Validate_MissingFields_NamesTheirPaths()
    {
        var definition = SegmentNode.And(
            SegmentNode.HasTag(Tag),
            new SegmentNode { Type = SegmentNodeType.HasTag },
            SegmentNode.Or(new SegmentNode { Type = SegmentNodeType.Interest, TagId = Tag, MinWeight = double.NaN }),
            new SegmentNode { Type = SegmentNodeType.Not, Children = [] },
            new SegmentNode(),
            new SegmentNode { Type = SegmentNodeType.ActiveWithinDays, Days = 0 },
            new SegmentNode { Type = SegmentNodeType.AttributeEquals, Key = "city" });

        var paths = SegmentValidation.Validate(definition).Select(e => e.Path);

        Assert.Equal(
            ["Children[1].TagId", "Children[2].Children[0].MinWeight", "Children[3].Children", "Children[4].Type", "Children[5].Days", "Children[6].Value"],
            paths);
    }

    [Fact]
    public void Validate_UndefinedType_IsAnError()
    {
        var errors = SegmentValidation.Validate(new SegmentNode { Type = (SegmentNodeType)99 });

        Assert.Equal("Type", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_NineLevelsDeep_IsRejectedAtTheTooDeepNode()
    {
        var node = SegmentNode.HasTag(Tag);
        for (var level = 0; level < 8; level++)
        {
            node = SegmentNode.And(node);
        }

        var error = Assert.Single(SegmentValidation.Validate(node));

        Assert.Equal(string.Join('.', Enumerable.Repeat("Children[0]", 8)), error.Path);
        Assert.Empty(SegmentValidation.Validate(node.Children![0]));
    }

    [Fact]
    public void Validate_MoreThanAHundredNodes_IsRejectedAtTheRoot()
    {
        var hundred = SegmentNode.Or(Enumerable.Range(0, 99).Select(_ => SegmentNode.HasTag(Tag)));
        var more = SegmentNode.Or(Enumerable.Range(0, 100).Select(_ => SegmentNode.HasTag(Tag)));

        Assert.Empty(SegmentValidation.Validate(hundred));
        Assert.Equal("", Assert.Single(SegmentValidation.Validate(more)).Path);
    }

    [Fact]
    public void Validate_Null_IsAnError()
    {
        Assert.Single(SegmentValidation.Validate(null));
    }

    [Fact]
    public void Walk_VisitsEveryNodeWithItsPath()
    {
        var definition = SegmentNode.And(SegmentNode.HasTag(Tag), SegmentNode.Not(SegmentNode.ScoreAtMost(1)));

        var paths = SegmentValidation.Walk(definition, "Definition").Select(n => n.Path);

        Assert.Equal(["Definition", "Definition.Children[0]", "Definition.Children[1]", "Definition.Children[1].Children[0]"], paths);
    }
}
