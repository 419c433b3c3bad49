using Qunyun.Engine.Channels;
using Qunyun.Engine.Imports;

namespace Qunyun.Engine.Tests.Imports;

public sealed class ColumnSuggestionsTests
{
    private static readonly Guid WeChat = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly ChannelChoice[] Channels = [new(WeChat, ChannelKind.WeChat, "豆子微信"), new(Guid.NewGuid(), ChannelKind.Telegram, "Beans bot")];

    [Theory]
    [InlineData("姓名", "name")]
    [InlineData("昵称", "name")]
    [InlineData("Display Name", "name")]
    [InlineData("手机号码", "phone")]
    [InlineData("电话", "phone")]
    [InlineData("Mobile", "phone")]
    [InlineData("邮箱", "email")]
    [InlineData("E-mail", "email")]
    [InlineData("备注", "note")]
    [InlineData("标签", "tags")]
    [InlineData("Tags", "tags")]
    [InlineData("城市", "attribute:city")]
    [InlineData("City", "attribute:city")]
    [InlineData("公司名称", "attribute:company")]
    [InlineData("Company Size", "attribute:company_size")]
    [InlineData("手机（选填）", "phone")]
    [InlineData("渠道", "channel")]
    [InlineData("某个中文列", "ignore")]
    [InlineData("", "ignore")]
    public void Suggest_CommonHeaders_MapToTheirField(string header, string expected)
    {
        var target = ColumnSuggestions.Suggest(header, Channels);

        Assert.Equal(expected, target.ToString());
    }

    [Fact]
    public void Suggest_WeChatColumn_IsAnIdentityWhenTheWorkspaceHasOneWeChatChannel()
    {
        var withChannel = ColumnSuggestions.Suggest("微信号", Channels);
        var without = ColumnSuggestions.Suggest("微信号", []);
        var byChannelName = ColumnSuggestions.Suggest("Beans Bot", Channels);

        Assert.Equal($"identity:{WeChat}", withChannel.ToString());
        Assert.Equal("attribute:wechat", without.ToString());
        Assert.Equal(ImportField.Identity, byChannelName.Field);
    }

    [Theory]
    [InlineData("name", ImportField.Name, null)]
    [InlineData(" Attribute:city ", ImportField.Attribute, "city")]
    [InlineData("identity:豆子微信", ImportField.Identity, "豆子微信")]
    [InlineData("identity", ImportField.Identity, null)]
    [InlineData("ignore", ImportField.Ignore, null)]
    public void Parse_ValidTargets_RoundTrip(string text, ImportField field, string? argument)
    {
        var target = ColumnTarget.Parse(text);

        Assert.Equal(new ColumnTarget(field, argument), target);
    }

    [Theory]
    [InlineData("attribute")]
    [InlineData("attribute:")]
    [InlineData("name:x")]
    [InlineData("birthday")]
    public void Parse_InvalidTargets_AreNull(string text)
    {
        Assert.Null(ColumnTarget.Parse(text));
    }
}
