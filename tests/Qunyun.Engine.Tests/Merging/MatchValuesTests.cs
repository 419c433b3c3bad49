using Qunyun.Engine.Merging;

namespace Qunyun.Engine.Tests.Merging;

public sealed class MatchValuesTests
{
    [Theory]
    [InlineData(" Alice@Example.COM ", "alice@example.com")]
    [InlineData("ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "alice@example.com")]
    [InlineData("王芳@例子.中国", "王芳@例子.中国")]
    public void Email_Variants_FoldToOneForm(string input, string expected) =>
        Assert.Equal(expected, MatchValues.Email(input));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("not-an-address")]
    [InlineData("@example.com")]
    [InlineData("alice@")]
    [InlineData("a lice@example.com")]
    public void Email_NotAnAddress_HasNoForm(string? input) => Assert.Null(MatchValues.Email(input));

    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("(+86) 13800138000")]
    [InlineData("0086 13800138000")]
    [InlineData("8613800138000")]
    [InlineData("１３８００１３８０００")]
    public void Phone_ChineseMobileWrittenAnyWay_IsOneE164Number(string input) =>
        Assert.Equal("+8613800138000", MatchValues.Phone(input, "CN"));

    [Theory]
    [InlineData("010-1234 5678", "CN", "+861012345678")]
    [InlineData("(202) 555-0123", "US", "+12025550123")]
    [InlineData("1 202 555 0123", "US", "+12025550123")]
    [InlineData("+1 202 555 0123", "CN", "+12025550123")]
    [InlineData("9123 4567", "HK", "+85291234567")]
    [InlineData("+852 9123 4567", "CN", "+85291234567")]
    [InlineData("07700 900123", "GB", "+447700900123")]
    public void Phone_NationalNumbers_TakeTheRegionsCountryCode(string input, string region, string expected) =>
        Assert.Equal(expected, MatchValues.Phone(input, region));

    [Theory]
    [InlineData("123")]
    [InlineData("phone")]
    [InlineData("")]
    [InlineData("+86 1380013800012345")]
    public void Phone_ImpossibleNumber_HasNoForm(string input) => Assert.Null(MatchValues.Phone(input, "CN"));

    [Fact]
    public void Attribute_IsCaseSensitiveButFolded()
    {
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", MatchValues.Attribute("  oUpF8uMuAJO_M2pxb1Q9zNjWeS6o "));
        Assert.NotEqual(MatchValues.Attribute("ABC"), MatchValues.Attribute("abc"));
        Assert.Equal("ABC", MatchValues.Attribute("ＡＢＣ"));
        Assert.Null(MatchValues.Attribute(" "));
    }

    [Theory]
    [InlineData("CN", true)]
    [InlineData("us", true)]
    [InlineData("XX", false)]
    [InlineData("CHN", false)]
    [InlineData(null, false)]
    public void IsRegion_KnowsIsoRegions(string? region, bool expected) => Assert.Equal(expected, MatchValues.IsRegion(region));
}
