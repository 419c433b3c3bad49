using Qunyun.Engine.Bot;

namespace Qunyun.Engine.Tests.Bot;

public sealed class IntroductionCheckTests
{
    [Fact]
    public void IsIntroduction_LongEnoughChinese_CountsCharacters()
    {
        var check = IntroductionCheck.From(10, null, null);

        Assert.True(check.IsIntroduction("大家好我是小王来自杭州做产品"));
        Assert.False(check.IsIntroduction("大家好"));
    }

    [Fact]
    public void IsIntroduction_AllFieldsPresent_EvenWhenShort()
    {
        var check = IntroductionCheck.From(100, "城市，职业", null);

        Assert.True(check.IsIntroduction("城市:杭州 职业:产品"));
        Assert.False(check.IsIntroduction("城市:杭州"));
    }

    [Fact]
    public void WatchWordsIn_FindsListedWords()
    {
        var check = IntroductionCheck.From(1, null, "CEO\n阿里\n投资人");

        Assert.Equal(["CEO", "阿里"], check.WatchWordsIn("我是阿里的前 ceo"));
    }

    [Fact]
    public void BotCommandWords_MatchWholeWordOnly()
    {
        var words = new BotCommandWords(null, null, null);

        Assert.Equal(BotCommand.CheckIn, words.Match(" 签到 "));
        Assert.Equal(BotCommand.CheckIn, words.Match("/CheckIn"));
        Assert.Equal(BotCommand.Help, words.Match("帮助"));
        Assert.Null(words.Match("今天签到了吗"));
    }
}
