using System.Text;
using Qunyun.Engine.Moderation;

namespace Qunyun.Engine.Tests.Moderation;

public sealed class WordListParserTests
{
    [Fact]
    public void Parse_ReportsEveryKindOfProblem()
    {
        var text = "# ads\n微信\n微 信\n  兼职 \n高压气枪,气枪子弹，气枪\n鸡\nQQ\n代药物毒品类：血浆\n" + new string('长', 60) + "\n★★\n\nfree money # spaced phrase\n";

        var result = WordListParser.Parse(text);

        Assert.Equal(["微信", "兼职", "高压气枪", "气枪子弹", "气枪", "QQ", "代药物毒品类：血浆", "free money"], result.Words);
        Assert.Contains(result.Issues, i => i is { Line: 3, Kind: WordListIssueKind.Duplicate, Action: WordListIssueAction.Dropped });
        Assert.Contains(result.Issues, i => i is { Line: 4, Kind: WordListIssueKind.StrayWhitespace, Action: WordListIssueAction.Trimmed });
        Assert.Contains(result.Issues, i => i is { Line: 5, Kind: WordListIssueKind.CommaJoined, Action: WordListIssueAction.Split });
        Assert.Contains(result.Issues, i => i is { Line: 6, Kind: WordListIssueKind.SingleCharacter, Action: WordListIssueAction.Dropped });
        Assert.Contains(result.Issues, i => i is { Line: 7, Kind: WordListIssueKind.ShortWord, Action: WordListIssueAction.Kept });
        Assert.Contains(result.Issues, i => i is { Line: 8, Kind: WordListIssueKind.PunctuationInside, Action: WordListIssueAction.Kept });
        Assert.Contains(result.Issues, i => i is { Line: 9, Kind: WordListIssueKind.TooLong, Action: WordListIssueAction.Dropped });
        Assert.Contains(result.Issues, i => i is { Line: 10, Kind: WordListIssueKind.NothingToMatch, Action: WordListIssueAction.Dropped });
    }

    [Fact]
    public void Parse_Utf8WithBomAndMixedLineEndings_ReadsAllLines()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("代购\r\n微店\n代理\r刷单")).ToArray();

        var result = WordListParser.Parse(bytes);

        Assert.Equal(["代购", "微店", "代理", "刷单"], result.Words);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Parse_InvalidUtf8_ReportsTheLine()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("代购\n"), 0xE4, 0xBF, 0x0A, .. Encoding.UTF8.GetBytes("微店\n")];

        var result = WordListParser.Parse(bytes);

        Assert.Equal(["代购", "微店"], result.Words);
        Assert.Contains(result.Issues, i => i is { Line: 2, Kind: WordListIssueKind.InvalidCharacter });
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n   \n")]
    public void Parse_EmptyList_IsReported(string text)
    {
        var result = WordListParser.Parse(text);

        Assert.Empty(result.Words);
        Assert.Equal(WordListIssueKind.EmptyList, Assert.Single(result.Issues).Kind);
    }

    [Fact]
    public void Parse_TraditionalAndCaseVariants_AreDuplicates()
    {
        var result = WordListParser.Parse("代开发票\n代開發票\nWeChat\nwechat\nＷＥＣＨＡＴ");

        Assert.Equal(["代开发票", "WeChat"], result.Words);
        Assert.Equal(3, result.Count(WordListIssueKind.Duplicate));
    }

    [Fact]
    public void Parse_OptionsChangeWhatIsKept()
    {
        var options = new WordListParseOptions { SplitCommaJoined = false, KeepSingleCharacters = true };

        var result = WordListParser.Parse("考试,答案\n鸡", options);

        Assert.Equal(["鸡"], result.Words);
        Assert.Contains(result.Issues, i => i is { Kind: WordListIssueKind.CommaJoined, Action: WordListIssueAction.Dropped });
    }

    [Fact]
    public void Parse_AcceptedWords_AlwaysCompile()
    {
        var result = WordListParser.Parse("a\n😀\n微信\n𠀀𠀁\n--\nok\n");

        var matcher = WordMatcher.Compile([new WordList("l", result.Words)]);

        Assert.Equal(result.Words.Count, matcher.WordCount);
    }
}
