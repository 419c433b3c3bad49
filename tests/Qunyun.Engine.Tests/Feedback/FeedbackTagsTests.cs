using Qunyun.Engine.Feedback;

namespace Qunyun.Engine.Tests.Feedback;

public sealed class FeedbackTagsTests
{
    [Theory]
    [InlineData("#bug 登录后闪退", FeedbackKind.Bug, "bug")]
    [InlineData("#BUG: crash on login", FeedbackKind.Bug, "bug")]
    [InlineData("＃bug 全角井号也算", FeedbackKind.Bug, "bug")]
    [InlineData("#bug登录闪退", FeedbackKind.Bug, "bug")]
    [InlineData("please add a dark mode #idea", FeedbackKind.Idea, "idea")]
    [InlineData("#建议加个夜间模式", FeedbackKind.Idea, "建议")]
    [InlineData("整体不错。#反馈 希望更快", FeedbackKind.Feedback, "反馈")]
    [InlineData("(#idea) export to csv", FeedbackKind.Idea, "idea")]
    public void Find_BuiltInTags_InChineseAndEnglish(string text, FeedbackKind kind, string keyword)
    {
        var tag = FeedbackTags.Default.Find(text);

        Assert.NotNull(tag);
        Assert.Equal((kind, keyword), (tag.Value.Kind, tag.Value.Keyword));
    }

    [Theory]
    [InlineData("#bugfix merged yesterday")]
    [InlineData("#bug2 is a channel name")]
    [InlineData("#idea_box")]
    [InlineData("#bug-tracker link")]
    [InlineData("see https://example.com/page#bug")]
    [InlineData("issue#idea")]
    [InlineData("建议大家早点休息")]
    [InlineData("# bug with a space is no tag")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_NoTag_ReturnsNull(string? text) => Assert.Null(FeedbackTags.Default.Find(text));

    [Fact]
    public void Find_ConfiguredKeyword_WithItsKind_BuiltInsKeepTheirs()
    {
        var tags = new FeedbackTags([("问题", FeedbackKind.Bug), ("wish", FeedbackKind.Idea), ("bug", FeedbackKind.Feedback), ("bad word", FeedbackKind.Bug)]);

        Assert.Equal(FeedbackKind.Bug, tags.Find("#问题 支付页面卡住")?.Kind);
        Assert.Equal(FeedbackKind.Idea, tags.Find("#Wish: more stickers")?.Kind);
        Assert.Equal(FeedbackKind.Bug, tags.Find("#bug still a bug")?.Kind);
        Assert.Null(tags.Find("#wishlist"));
        Assert.Null(tags.Find("#bad word"));
    }

    [Fact]
    public void Find_FirstTagDecides()
    {
        var tag = FeedbackTags.Default.Find("#idea 另外 #bug 也有");

        Assert.Equal((FeedbackKind.Idea, 0), (tag?.Kind, tag?.Index));
    }
}
