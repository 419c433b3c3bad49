using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Simulation;

namespace Qunyun.Features.Demo;

/// <summary>How a demo group's 90 days run; campaigns are placed around the Saturday nearest their nominal peak day.</summary>
internal sealed record DemoLife(TrajectoryKind Kind, int Lead = 0, int Peak = 0, int Tail = 0)
{
    public static readonly DemoLife Steady = new(TrajectoryKind.Steady);
    public static readonly DemoLife Growing = new(TrajectoryKind.Growing);
    public static readonly DemoLife Decaying = new(TrajectoryKind.Decaying);

    /// <summary>Decaying, but silent only this many days after the period: the health page's "declining" groups.</summary>
    public static readonly DemoLife Fading = new(TrajectoryKind.Decaying, Tail: 40);

    public static DemoLife Campaign(int lead, int peak, int tail) => new(TrajectoryKind.Campaign, lead, peak, tail);
}

/// <summary>A demo group: name, type, channel (index into <see cref="DemoCatalog.Channels"/>), theme, topics, draw, life.</summary>
internal sealed record DemoGroup(string Name, GroupType Type, int Channel, DemoTheme Theme, string[] Topics, double Weight, DemoLife Life);

/// <summary>
/// A demo channel. Simulated ones are Webhook channels whose actions go to the built-in chat simulator
/// (<see cref="ChatSimulator"/>), standing in for the WeCom and Discord gateways a real workspace would connect.
/// </summary>
internal sealed record DemoChannel(ChannelKind Kind, string Name, string UserPrefix, bool Simulated);

/// <summary>The bilingual cast of the demo workspace: a coffee brand's communities (see docs/scenarios).</summary>
internal static class DemoCatalog
{
    public static readonly DemoChannel[] Channels =
    [
        new(ChannelKind.Webhook, "企业微信 · 豆子咖啡（聊天模拟器 chat simulator）", "wecom", Simulated: true),
        new(ChannelKind.Telegram, "Telegram · Beans Coffee bot", "telegram", Simulated: false),
        new(ChannelKind.Webhook, "Discord · Beans Coffee（聊天模拟器 chat simulator）", "discord", Simulated: true),
    ];

    /// <summary>Chinese-speaking members live on WeCom; the others on Telegram or Discord.</summary>
    public static readonly int[] ChineseChannels = [0];
    public static readonly int[] OtherChannels = [1, 2];

    /// <summary>
    /// 32 groups. Numbered series are live-code style copies. Two member groups, a club, the oldest course cohort and
    /// the café-hopping group were left alone and fade out (two more members' groups began to fade later and are still declining); the newest copies grow; short-term groups live for one event.
    /// </summary>
    public static readonly DemoGroup[] Groups =
    [
        .. Series("豆子咖啡会员群", GroupType.LongTerm, 0, DemoTheme.Members, ["pour-over", "espresso", "drip-bag"], 1,
            [.. Enumerable.Repeat(DemoLife.Steady, 8), DemoLife.Growing, DemoLife.Growing, DemoLife.Decaying, DemoLife.Fading]),
        .. Series("Beans Coffee Club", GroupType.LongTerm, 1, DemoTheme.Members, ["espresso", "pour-over"], 1,
            [DemoLife.Steady, DemoLife.Steady, DemoLife.Growing, DemoLife.Fading]),
        .. Series("手冲入门课 学员群", GroupType.LongTerm, 0, DemoTheme.Course, ["pour-over", "brewing-gear"], 0.6,
            [DemoLife.Decaying, DemoLife.Steady, DemoLife.Growing]),
        .. Series("新品内测群 · 产品建议", GroupType.ProductFeedback, 0, DemoTheme.Feedback, ["cold-brew", "yunnan"], 0.3,
            [DemoLife.Steady, DemoLife.Steady]),
        .. Series("Beta Roasters · feedback", GroupType.ProductFeedback, 2, DemoTheme.Feedback, ["espresso", "cold-brew"], 0.3, [DemoLife.Steady]),
        .. Series("埃塞俄比亚品鉴会 · 报名群", GroupType.ShortTerm, 0, DemoTheme.Tasting, ["ethiopia", "cupping"], 0.5, [DemoLife.Campaign(14, 93, 1)]),
        .. Series("Cupping Night · Yirgacheffe", GroupType.ShortTerm, 1, DemoTheme.Tasting, ["ethiopia", "cupping"], 0.5, [DemoLife.Campaign(20, 38, 3)]),
        .. Series("周年庆拼团群", GroupType.ShortTerm, 0, DemoTheme.GroupBuy, ["drip-bag", "espresso"], 0.5,
            [DemoLife.Campaign(8, 34, 4), DemoLife.Campaign(8, 34, 4)]),
        .. Series("拉花同好会", GroupType.FanSelfOrganized, 0, DemoTheme.LatteArt, ["latte-art", "espresso"], 0.8,
            [DemoLife.Steady, DemoLife.Growing, DemoLife.Steady]),
        .. Series("Latte Art Fans", GroupType.FanSelfOrganized, 2, DemoTheme.LatteArt, ["latte-art", "espresso"], 1, [DemoLife.Growing, DemoLife.Steady]),
        .. Series("上海咖啡探店小分队", GroupType.FanSelfOrganized, 0, DemoTheme.Explore, ["pour-over", "italian-wine"], 0.6, [DemoLife.Decaying]),
    ];

    /// <summary>Manual tags only: interest tags (<c>interest:…</c>) come from the simulated content views, events and purchases.</summary>
    public static readonly (string Name, string Color, string Description)[] Tags =
    [
        ("新人 newcomer", "#43a047", "入群 30 天内 / joined in the last 30 days"),
        ("核心用户 core", "#e53935", "经常发言、帮助他人 / talks often, helps others"),
        ("意见领袖 KOL", "#8e24aa", "发言被大量回复 / posts draw many replies"),
        ("tasting-2026-11", "#1e88e5", "11月品鉴会报名 / signed up for the November tasting"),
        ("已购 buyer", "#00897b", "至少下过一单 / placed at least one order"),
        ("introduced", "#546e7a", "完成自我介绍 / introduced themselves"),
    ];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    public static readonly string[] GivenNames = ["小林", "晓燕", "子涵", "浩然", "雨桐", "俊杰", "欣怡", "思远", "梓萱", "一鸣", "佳琪", "宇航", "诗涵", "明轩", "若曦", "天佑", "静怡", "博文", "可馨", "泽宇"];
    public static readonly string[] FirstNames = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Robin", "Chris", "Dana", "Lee", "Kim", "Avery", "Riley", "Quinn", "Drew", "Emma", "Liam", "Olivia", "Noah"];
    public static readonly string[] LastNames = ["Smith", "Chen", "Garcia", "Müller", "Rossi", "Kowalski", "Nguyen", "Brown", "Silva", "Tanaka", "Dubois", "Novak", "Khan", "Ivanova", "Wong", "Jensen", "Moreau", "Costa", "Lopez", "Park"];

    public static readonly string[] Reactions = ["👍", "❤️", "😂", "☕", "🔥", "👏", "🙏", "💯", "🤤", "😮"];

    private static IEnumerable<DemoGroup> Series(string name, GroupType type, int channel, DemoTheme theme, string[] topics, double weight, DemoLife[] lives) =>
        lives.Select((life, i) => new DemoGroup(lives.Length > 1 ? $"{name} {i + 1}" : name, type, channel, theme, topics, weight, life));
}
