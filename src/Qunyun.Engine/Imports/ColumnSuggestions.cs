using System.Text;
using Qunyun.Engine.Channels;

namespace Qunyun.Engine.Imports;

/// <summary>A channel of the workspace, as the suggestions need it.</summary>
public sealed record ChannelChoice(Guid Id, ChannelKind Kind, string Name);

/// <summary>
/// Guesses a column's target from its header, in Chinese or English, the way SCRM and CRM exports name them
/// (姓名/昵称/name, 手机/电话/phone, 邮箱/email, 微信号/wechat, 城市/city, 标签/tags…). A platform account column becomes
/// an identity when the workspace has exactly one channel of that platform, else an attribute.
/// </summary>
public static class ColumnSuggestions
{
    private static readonly Dictionary<string, ImportField> Fields = Build(new()
    {
        [ImportField.Name] = ["姓名", "名字", "昵称", "名称", "客户名称", "客户姓名", "客户昵称", "用户名", "用户昵称", "显示名", "联系人", "微信昵称",
            "name", "fullname", "displayname", "nickname", "nick", "username", "contact", "contactname", "customername"],
        [ImportField.Email] = ["邮箱", "电子邮箱", "邮件", "电子邮件", "邮箱地址", "email", "mail", "emailaddress"],
        [ImportField.Phone] = ["手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "移动电话",
            "phone", "mobile", "tel", "telephone", "cellphone", "phonenumber", "mobilephone", "cell"],
        [ImportField.Note] = ["备注", "说明", "描述", "备注信息", "note", "notes", "remark", "remarks", "comment", "comments", "memo", "description"],
        [ImportField.Tags] = ["标签", "客户标签", "用户标签", "tags", "tag", "labels", "label"],
        [ImportField.Channel] = ["渠道", "平台", "来源平台", "channel", "platform"],
    });

    private static readonly Dictionary<string, ChannelKind> Accounts = new()
    {
        ["微信号"] = ChannelKind.WeChat,
        ["微信"] = ChannelKind.WeChat,
        ["微信id"] = ChannelKind.WeChat,
        ["wechat"] = ChannelKind.WeChat,
        ["wechatid"] = ChannelKind.WeChat,
        ["weixin"] = ChannelKind.WeChat,
        ["wxid"] = ChannelKind.WeChat,
        ["企业微信"] = ChannelKind.WeCom,
        ["企微"] = ChannelKind.WeCom,
        ["externaluserid"] = ChannelKind.WeCom,
        ["wecom"] = ChannelKind.WeCom,
        ["telegram"] = ChannelKind.Telegram,
        ["telegramid"] = ChannelKind.Telegram,
        ["tg"] = ChannelKind.Telegram,
        ["tgid"] = ChannelKind.Telegram,
        ["discord"] = ChannelKind.Discord,
        ["discordid"] = ChannelKind.Discord,
    };

    private static readonly Dictionary<string, string> Attributes = new()
    {
        ["城市"] = "city",
        ["所在城市"] = "city",
        ["省份"] = "province",
        ["省"] = "province",
        ["地区"] = "region",
        ["区域"] = "region",
        ["国家"] = "country",
        ["地址"] = "address",
        ["公司"] = "company",
        ["公司名称"] = "company",
        ["单位"] = "company",
        ["职位"] = "title",
        ["职务"] = "title",
        ["性别"] = "gender",
        ["生日"] = "birthday",
        ["出生日期"] = "birthday",
        ["年龄"] = "age",
        ["行业"] = "industry",
        ["来源"] = "source",
        ["客户来源"] = "source",
        ["会员等级"] = "level",
        ["等级"] = "level",
        ["会员卡号"] = "member_no",
        ["会员号"] = "member_no",
        ["unionid"] = "union_id",
        ["openid"] = "open_id",
        ["qq"] = "qq",
        ["qq号"] = "qq",
        ["微博"] = "weibo",
        ["jobtitle"] = "title",
        ["zip"] = "postcode",
        ["邮编"] = "postcode",
    };

    public static ColumnTarget Suggest(string header, IReadOnlyList<ChannelChoice> channels)
    {
        var key = Key(header);
        if (key.Length == 0)
        {
            return ColumnTarget.Ignore;
        }

        if (channels.FirstOrDefault(c => Key(c.Name) == key) is { } named)
        {
            return new ColumnTarget(ImportField.Identity, named.Id.ToString());
        }

        if (Fields.TryGetValue(key, out var field))
        {
            return new ColumnTarget(field);
        }

        if (Accounts.TryGetValue(key, out var kind))
        {
            var ofKind = channels.Where(c => c.Kind == kind).ToList();
            return ofKind.Count == 1
                ? new ColumnTarget(ImportField.Identity, ofKind[0].Id.ToString())
                : new ColumnTarget(ImportField.Attribute, AttributeKeyOf(key) ?? kind.ToString().ToLowerInvariant());
        }

        if (Attributes.TryGetValue(key, out var attribute))
        {
            return new ColumnTarget(ImportField.Attribute, attribute);
        }

        return AttributeKeyOf(header) is { } generic ? new ColumnTarget(ImportField.Attribute, generic) : ColumnTarget.Ignore;
    }

    /// <summary>An attribute key made from a Latin header ("Company Size" → company_size), or null for other scripts.</summary>
    public static string? AttributeKeyOf(string header)
    {
        var builder = new StringBuilder();
        foreach (var c in header.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is ' ' or '_' or '-' or '.' or '/' && builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
            else if (c is not (' ' or '_' or '-' or '.' or '/'))
            {
                return null;
            }
        }

        var key = builder.ToString().TrimEnd('_');
        return key.Length is > 0 and <= 64 && key[0] is >= 'a' and <= 'z' ? key : null;
    }

    /// <summary>Header comparison key: NFKC, lower case, without spaces, '_', '-', '.', or a trailing "(选填)"-style note.</summary>
    private static string Key(string header)
    {
        var text = header.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            text = text[..paren];
        }

        return string.Concat(text.Where(c => c is not (' ' or '_' or '-' or '.' or '*' or ':')));
    }

    private static Dictionary<string, ImportField> Build(Dictionary<ImportField, string[]> names) =>
        names.SelectMany(n => n.Value.Select(v => (v, n.Key))).ToDictionary(p => p.v, p => p.Key);
}
