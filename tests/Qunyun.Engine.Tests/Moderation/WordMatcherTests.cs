using Qunyun.Engine.Moderation;

namespace Qunyun.Engine.Tests.Moderation;

public sealed class WordMatcherTests
{
    private static readonly WordMatcher Matcher = WordMatcher.Compile(
    [
        new WordList("ads", ["微信", "加微信", "wechat", "代开发票", "free money", "加V信"]),
        new WordList("abuse", ["ass", "sex", "傻逼"]),
    ]);

    [Theory]
    [InlineData("加我微信", "微信", 2, 2)]
    [InlineData("加我微_信", "微信", 2, 3)]
    [InlineData("加 V❤信 好友", "加V信", 0, 5)]
    [InlineData("w.e.c.h.a.t me", "wechat", 0, 11)]
    [InlineData("add me on ＷｅＣｈａｔ!", "wechat", 10, 6)]
    [InlineData("W e C h a T", "wechat", 0, 11)]
    [InlineData("加我微\u200b信", "微信", 2, 3)]
    [InlineData("代開發票", "代开发票", 0, 4)]
    [InlineData("w3ch4t", "wechat", 0, 6)]
    [InlineData("傻️逼", "傻逼", 0, 3)]
    [InlineData("傻😀逼", "傻逼", 0, 4)]
    [InlineData("get FREE MONEY now", "free money", 4, 10)]
    [InlineData("get freemoney now", "free money", 4, 9)]
    [InlineData("s.e.x", "sex", 0, 5)]
    [InlineData("5ex", "sex", 0, 3)]
    [InlineData("@ss", "ass", 0, 3)]
    [InlineData("𝐰𝐞𝐜𝐡𝐚𝐭", "wechat", 0, 12)]
    [InlineData("🇼🇪🇨🇭🇦🇹", "wechat", 0, 12)]
    [InlineData("ⓦⓔⓒⓗⓐⓣ", "wechat", 0, 6)]
    [InlineData("wеchаt", "wechat", 0, 6)]
    public void Match_Evasion_IsCaughtWithOriginalSpan(string text, string word, int start, int length)
    {
        var hits = Matcher.Match(text);

        Assert.Contains(new WordHit(hits.First(h => h.Word == word).ListName, word, start, length), hits);
    }

    [Theory]
    [InlineData("first class passengers")]
    [InlineData("we assess the results")]
    [InlineData("a ssh key")]
    [InlineData("we chat every day")]
    [InlineData("sussex is nice")]
    [InlineData("this is exactly it")]
    [InlineData("b@ss guitar")]
    [InlineData("")]
    public void Match_OrdinaryEnglish_DoesNotHit(string text)
    {
        Assert.Empty(Matcher.Match(text));
    }
}
