using Qunyun.Engine.Tagging;

namespace Qunyun.Engine.Tests.Tagging;

public sealed class TopicsTests
{
    [Fact]
    public void Keys_FoldCaseWidthAndSpacing_DropBlanksAndDuplicates()
    {
        Assert.Equal(["italian wine", "意大利葡萄酒"], Topics.Keys(["  Italian   Wine ", "ＩＴＡＬＩＡＮ wine", "意大利葡萄酒", " ", null]));
    }

    [Fact]
    public void Keys_ManyTopics_KeepTheFirstTwenty()
    {
        var keys = Topics.Keys(Enumerable.Range(0, 1000).Select(i => $"t{i}"));

        Assert.Equal(Topics.MaxPerEvent, keys.Count);
        Assert.Equal("t19", keys[^1]);
    }

    [Fact]
    public void Key_LongTopic_IsCutWithoutSplittingASurrogatePair()
    {
        var topic = new string('a', Topics.MaxLength - 1) + "😀tail";

        var key = Topics.Key(topic);

        Assert.Equal(new string('a', Topics.MaxLength - 1), key);
        Assert.True(Topics.InterestTagName(Topics.Key(new string('字', 200))).Length <= 64);
    }
}
