using CsCheck;
using Qunyun.Engine.Text;

namespace Qunyun.Engine.Tests.Text;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("Coffee Lovers", "coffee lovers")]
    [InlineData("  豆子\t咖啡\n会员群  ", "豆子 咖啡 会员群")]
    [InlineData("ÉCOLE", "école")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_KnownInputs_MatchExpected(string? input, string expected)
    {
        var folded = SearchText.Fold(input);

        Assert.Equal(expected, folded);
    }

    [Fact]
    public void Fold_ChineseAndEmoji_KeepsCharactersWhole()
    {
        var folded = SearchText.Fold("打卡第7天✅𠀀");

        Assert.Equal("打卡第7天✅𠀀", folded);
    }

    [Fact]
    public void Fold_IsIdempotent()
    {
        Gen.String.Sample(text => SearchText.Fold(SearchText.Fold(text)) == SearchText.Fold(text));
    }

    [Fact]
    public void Fold_NeverContainsUpperCaseOrDoubleSpaces()
    {
        Gen.String.Sample(text =>
        {
            var folded = SearchText.Fold(text);
            return !folded.Contains("  ") && folded == folded.Trim() && folded.EnumerateRunes().All(r => !System.Text.Rune.IsUpper(r) || System.Text.Rune.ToLowerInvariant(r) == r);
        });
    }

    [Fact]
    public void Combine_DropsEmptyAndDuplicateParts()
    {
        var combined = SearchText.Combine("Alex", null, "  ", "ALEX", "tg-42");

        Assert.Equal("alex\ntg-42", combined);
    }
}
