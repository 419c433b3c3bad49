using Qunyun.Engine.Moderation;

namespace Qunyun.Engine.Tests.Moderation;

/// <summary>Every evasion class of docs/moderation.md, several cases each in Chinese and English, must be caught;
/// the clean corpus (≥ 1,000 messages) must stay free of hits.</summary>
public sealed class AdversarialCorpusTests
{
    private static readonly WordMatcher Matcher = WordMatcher.Compile(
    [
        new WordList("ads", ["加微信", "微信", "代开发票", "兼职刷单", "wechat", "telegram", "free money", "crypto signals"]),
        new WordList("abuse", ["傻逼", "操你妈", "ass", "sex", "bitch", "fuck"]),
    ]);

    public static TheoryData<string, string, string> Evasions => new()
    {
        // class, text, word expected
        { "case", "Add me on WeChat", "wechat" },
        { "case", "TELEGRAM group", "telegram" },
        { "case", "Free Money inside", "free money" },
        { "full-width", "加ｗｅｃｈａｔ", "wechat" },
        { "full-width", "ＦＵＣＫ", "fuck" },
        { "full-width", "加微信：１２３", "加微信" },
        { "traditional", "代開發票", "代开发票" },
        { "traditional", "兼職刷單", "兼职刷单" },
        { "traditional", "加微信號", "加微信" },
        { "traditional", "操你媽", "操你妈" },
        { "separators", "微_信", "微信" },
        { "separators", "加 V 微 信", "微信" },
        { "separators", "w.e.c.h.a.t", "wechat" },
        { "separators", "f-u-c-k", "fuck" },
        { "separators", "c r y p t o  s i g n a l s", "crypto signals" },
        { "separators", "代|开|发|票", "代开发票" },
        { "emoji", "加❤微❤信", "加微信" },
        { "emoji", "傻😀逼", "傻逼" },
        { "emoji", "fu🔥ck", "fuck" },
        { "emoji", "微️信", "微信" },
        { "zero-width", "微\u200b信", "微信" },
        { "zero-width", "we\u200dchat", "wechat" },
        { "zero-width", "bi\u200ctch", "bitch" },
        { "zero-width", "代\ufeff开发票", "代开发票" },
        { "look-alike", "b1tch", "bitch" },
        { "look-alike", "5ex", "sex" },
        { "look-alike", "@ss", "ass" },
        { "look-alike", "fr33 m0ney", "free money" },
        { "look-alike", "t3l3gr4m", "telegram" },
        { "look-alike", "wеchаt", "wechat" },
        { "styled letters", "𝐰𝐞𝐜𝐡𝐚𝐭", "wechat" },
        { "styled letters", "ⓕⓤⓒⓚ", "fuck" },
        { "styled letters", "🇼🇪🇨🇭🇦🇹", "wechat" },
        { "radicals", "⼈操你妈", "操你妈" },
    };

    [Theory]
    [MemberData(nameof(Evasions))]
    public void Match_Evasion_IsCaught(string evasionClass, string text, string word)
    {
        var hits = Matcher.Match(text);

        Assert.True(hits.Any(h => TextFolder.FoldToString(h.Word) == TextFolder.FoldToString(word)), $"{evasionClass}: '{text}' should hit '{word}'");
    }

    [Fact]
    public void Match_CleanCorpus_HasNoFalsePositives()
    {
        var messages = ChatCorpus.Chinese().Concat(ChatCorpus.English()).ToList();

        var flagged = messages.Where(m => Matcher.IsMatch(m)).ToList();

        Assert.True(messages.Count >= 1000, $"{messages.Count} messages");
        Assert.Empty(flagged);
    }
}
