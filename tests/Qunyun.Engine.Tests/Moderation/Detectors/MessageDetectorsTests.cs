using Qunyun.Engine.Moderation.Detectors;

namespace Qunyun.Engine.Tests.Moderation.Detectors;

public sealed class MessageDetectorsTests
{
    [Theory]
    [InlineData("see https://spam.example.com/x?y=1 now", FindingKind.Link, "spam.example.com/x?y=1")]
    [InlineData("访问 www。abc123。com 领取", FindingKind.Link, "abc123.com")]
    [InlineData("go to abc点com", FindingKind.Link, "abc.com")]
    [InlineData("join t.me/+AbCdEf123", FindingKind.InviteLink, "t.me/+abcdef123")]
    [InlineData("https://t.me/joinchat/XYZ", FindingKind.InviteLink, "t.me/joinchat/xyz")]
    [InlineData("discord.gg/abcd", FindingKind.InviteLink, "discord.gg/abcd")]
    [InlineData("扫码进群 https://weixin.qq.com/g/AbC", FindingKind.InviteLink, "weixin.qq.com/g/abc")]
    [InlineData("t.me/spam_seller", FindingKind.ContactHandle, "telegram:@spam_seller")]
    [InlineData("电话13812345678", FindingKind.Phone, "+8613812345678")]
    [InlineData("电话 138-1234-5678", FindingKind.Phone, "+8613812345678")]
    [InlineData("电话 １３８ １２３４ ５６７８", FindingKind.Phone, "+8613812345678")]
    [InlineData("电话 一三八一二三四五六七八", FindingKind.Phone, "+8613812345678")]
    [InlineData("call +1 415 555 2671", FindingKind.Phone, "+14155552671")]
    [InlineData("加微信 abc123", FindingKind.ContactHandle, "wechat:abc123")]
    [InlineData("加 V❤信: abc_123 有惊喜", FindingKind.ContactHandle, "wechat:abc_123")]
    [InlineData("vx：Hello2024", FindingKind.ContactHandle, "wechat:hello2024")]
    [InlineData("QQ 12345678", FindingKind.ContactHandle, "qq:12345678")]
    [InlineData("扣扣号：12345678", FindingKind.ContactHandle, "qq:12345678")]
    [InlineData("tg @cheap_deals", FindingKind.ContactHandle, "telegram:@cheap_deals")]
    [InlineData("有兴趣私聊 @cheap_deals", FindingKind.ContactHandle, "telegram:@cheap_deals")]
    [InlineData("群号 123456789 快来", FindingKind.InviteLink, "qq-group:123456789")]
    public void Detect_Finds(string text, FindingKind kind, string detail)
    {
        var findings = MessageDetectors.Detect(text, DetectorOptions.Default);

        Assert.Contains(findings, f => f.Kind == kind && f.Detail == detail);
    }

    [Theory]
    [InlineData("version 1.2.3 is out, see Mr.Li")]
    [InlineData("我们明天下午3点见")]
    [InlineData("order 2024061512345678 shipped")]
    [InlineData("e.g. node.js and file.txt")]
    [InlineData("我的微信头像换了")]
    [InlineData("write me at bob@example.org")]
    public void Detect_OrdinaryChat_FindsNothing(string text)
    {
        var findings = MessageDetectors.Detect(text, DetectorOptions.Default with { AllowedDomains = new DomainAllowList(["example.org"]) });

        Assert.Empty(findings);
    }
}
