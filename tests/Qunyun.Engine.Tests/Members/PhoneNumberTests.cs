using CsCheck;
using Qunyun.Engine.Members;

namespace Qunyun.Engine.Tests.Members;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("138-0013-8000", "+8613800138000")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("0086 13800138000", "+8613800138000")]
    [InlineData("8613800138000", "+8613800138000")]
    [InlineData("１３８００１３８０００", "+8613800138000")]
    [InlineData("(021) 6123-4567", "02161234567")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Key_KnownFormats_FoldToOneKey(string input, string expected)
    {
        var key = PhoneNumber.Key(input);

        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("12ab")]
    [InlineData("1234")]
    [InlineData("+1234567890123456")]
    [InlineData("138+0013")]
    [InlineData("ext. 12345")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Key_NotAPhoneNumber_IsNull(string? input)
    {
        var key = PhoneNumber.Key(input);

        Assert.Null(key);
    }

    [Fact]
    public void Key_IsIdempotent()
    {
        Gen.String["0123456789 +-()"].Sample(text =>
        {
            var key = PhoneNumber.Key(text);
            return key is null || PhoneNumber.Key(key) == key;
        });
    }
}
