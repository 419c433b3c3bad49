using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Tests.Groups;

public sealed class GroupPolicyTests
{
    [Theory]
    [InlineData(0, SizeBand.Intimate)]
    [InlineData(50, SizeBand.Intimate)]
    [InlineData(51, SizeBand.NeedsStructure)]
    [InlineData(150, SizeBand.NeedsStructure)]
    [InlineData(151, SizeBand.PastStableLimit)]
    public void Classify_DunbarBoundaries_ReturnBand(int members, SizeBand expected)
    {
        Assert.Equal(expected, SizeBands.Classify(members));
    }

    [Fact]
    public void For_ShortTerm_RequiresEndDateAndDissolvesAfterThreeDays()
    {
        var policy = GroupPolicy.For(GroupType.ShortTerm);

        Assert.True(policy.RequiresEndDate);
        Assert.Equal(TimeSpan.FromDays(3), policy.DissolveAfterEnd);
    }

    [Fact]
    public void For_ProductFeedback_IsSmallAndCurated()
    {
        var policy = GroupPolicy.For(GroupType.ProductFeedback);

        Assert.Equal(100, policy.DefaultCapacity);
        Assert.False(policy.RequiresEndDate);
    }

    [Fact]
    public void For_LongTerm_CapsAtStableLimitWithStrictModeration()
    {
        var policy = GroupPolicy.For(GroupType.LongTerm);

        Assert.Equal(SizeBands.StableLimit, policy.DefaultCapacity);
        Assert.Equal(ModerationLevel.Strict, policy.ModerationLevel);
    }

    [Fact]
    public void For_FanSelfOrganized_ModeratesLightly()
    {
        Assert.Equal(ModerationLevel.Light, GroupPolicy.For(GroupType.FanSelfOrganized).ModerationLevel);
    }

    [Fact]
    public void For_EveryType_HasAPolicy()
    {
        Assert.All(Enum.GetValues<GroupType>(), type => Assert.True(GroupPolicy.For(type).DefaultCapacity > 1));
    }
}
