using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Demo;

/// <summary>The bilingual cast of the demo workspace: a coffee brand's communities (see docs/scenarios).</summary>
internal static class DemoCatalog
{
    public static readonly (ChannelKind Kind, string Name)[] Channels =
    [
        (ChannelKind.WeCom, "企业微信 · 豆子咖啡"),
        (ChannelKind.Telegram, "Telegram · Beans Coffee bot"),
        (ChannelKind.Discord, "Discord · Beans Coffee"),
    ];

    /// <summary>Group name, type, channel index; some are numbered series (live-code style).</summary>
    public static readonly (string Name, GroupType Type, int Channel, int Copies)[] Groups =
    [
        ("豆子咖啡会员群", GroupType.LongTerm, 0, 12),
        ("Beans Coffee Club", GroupType.LongTerm, 1, 4),
        ("手冲入门课 学员群", GroupType.LongTerm, 0, 3),
        ("新品内测群 · 产品建议", GroupType.ProductFeedback, 0, 2),
        ("Beta Roasters · feedback", GroupType.ProductFeedback, 2, 1),
        ("11月埃塞俄比亚品鉴会", GroupType.ShortTerm, 0, 1),
        ("Cupping Night Nov 2026", GroupType.ShortTerm, 1, 1),
        ("双十一拼团群", GroupType.ShortTerm, 0, 2),
        ("拉花同好会", GroupType.FanSelfOrganized, 0, 3),
        ("Latte Art Fans", GroupType.FanSelfOrganized, 2, 2),
        ("上海咖啡探店小分队", GroupType.FanSelfOrganized, 0, 1),
    ];

    public static readonly (string Name, string Color, string Description)[] Tags =
    [
        ("新人 newcomer", "#43a047", "入群 30 天内 / joined in the last 30 days"),
        ("核心用户 core", "#e53935", "经常发言、帮助他人 / talks often, helps others"),
        ("意见领袖 KOL", "#8e24aa", "发言被大量回复 / posts draw many replies"),
        ("interest:ethiopia", "#fb8c00", "读过埃塞俄比亚产区文章 / reads about Ethiopian coffee"),
        ("interest:espresso", "#6d4c41", "意式爱好者 / espresso lovers"),
        ("tasting-2026-11", "#1e88e5", "11月品鉴会报名 / signed up for the November tasting"),
        ("已购 buyer", "#00897b", "至少下过一单 / placed at least one order"),
        ("introduced", "#546e7a", "完成自我介绍 / introduced themselves"),
    ];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    public static readonly string[] GivenNames = ["小林", "晓燕", "子涵", "浩然", "雨桐", "俊杰", "欣怡", "思远", "梓萱", "一鸣", "佳琪", "宇航", "诗涵", "明轩", "若曦", "天佑", "静怡", "博文", "可馨", "泽宇"];
    public static readonly string[] FirstNames = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Robin", "Chris", "Dana", "Lee", "Kim", "Avery", "Riley", "Quinn", "Drew", "Emma", "Liam", "Olivia", "Noah"];
    public static readonly string[] LastNames = ["Smith", "Chen", "Garcia", "Müller", "Rossi", "Kowalski", "Nguyen", "Brown", "Silva", "Tanaka", "Dubois", "Novak", "Khan", "Ivanova", "Wong", "Jensen", "Moreau", "Costa", "Lopez", "Park"];

    public static readonly string[] Messages =
    [
        "早上好！今天的手冲是耶加雪菲 ☕", "请问新品什么时候上架？", "周六的品鉴会还有名额吗？", "这款豆子酸度有点高，适合做冷萃吗？",
        "Morning all! Anyone tried the new Ethiopian roast?", "What grind size do you use for V60?", "Thanks for the latte art tips 🙏",
        "拉花总是失败，求教程", "打卡第 7 天 ✅", "Is the cupping event still on for Saturday?", "快递到了，包装很用心！", "请问会员积分怎么兑换？",
    ];
}
