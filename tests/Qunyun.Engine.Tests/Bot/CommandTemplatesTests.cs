using Qunyun.Engine.Bot;
using Qunyun.Engine.Templates;

namespace Qunyun.Engine.Tests.Bot;

public sealed class CommandTemplatesTests
{
    public static TheoryData<string> Languages => new(["zh-CN", "en"]);

    [Theory]
    [MemberData(nameof(Languages))]
    public void BuiltInReplies_CompileForTheCommandPurposeAndRenderTheSample(string language)
    {
        var sources = Enum.GetValues<BotCommand>().Select(c => CommandTemplates.Source(c, language)).Append(CommandTemplates.CheckInAgainSource(language));
        foreach (var source in sources)
        {
            var template = LiquidTemplate.Compile(source, TemplatePurpose.Command, out var issues);
            Assert.Empty(issues);
            Assert.True(template!.Render(TemplateVariables.Sample(TemplatePurpose.Command, language)).Succeeded, source);
        }
    }

    [Fact]
    public void CheckInReply_MentionsTheStreakBonusOnlyWhenThereIsOne()
    {
        var template = LiquidTemplate.Compile(CommandTemplates.Source(BotCommand.CheckIn, "zh-CN"), TemplatePurpose.Command, out _)!;
        TemplateValues Values(int bonus) => new TemplateValues().Set("member.name", "小王").Set("points.earned", 5 + bonus).Set("points.bonus", bonus)
            .Set("checkin.streak", 7).Set("points.balance", 60);

        Assert.Equal("小王 签到成功！获得 25 积分（含连续签到奖励 20），已连续签到 7 天，当前积分 60。", template.Render(Values(20)).Text);
        Assert.Equal("小王 签到成功！获得 5 积分，已连续签到 7 天，当前积分 60。", template.Render(Values(0)).Text);
    }

    [Fact]
    public void MyPointsWords_AreCommandsByDefault()
    {
        var words = new BotCommandWords(null, null, null);

        Assert.Equal(BotCommand.MyPoints, words.Match(" 我的积分 "));
        Assert.Equal(BotCommand.MyPoints, words.Match("/points"));
        Assert.Null(words.Match("我的积分是多少"));
    }
}
