namespace Qunyun.Features.Demo;

/// <summary>An article or video of the content plan, published at 20:00 on a nominal day of the 90 (negative: earlier).</summary>
internal sealed record DemoContent(string Id, string Chinese, string English, string[] Topics, int Day);

/// <summary>An offline event, held on the Saturday nearest its nominal day.</summary>
internal sealed record DemoGathering(string Id, string Chinese, string English, string[] Topics, int Day, TimeSpan LocalTime);

internal sealed record DemoProduct(string Sku, string Chinese, string English, decimal Price, string[] Topics);

/// <summary>What the brand publishes, organises and sells, each tagged with the topics interest tags are built from.</summary>
internal static class DemoOfferings
{
    /// <summary>From the most to the least popular.</summary>
    public static readonly string[] Topics =
        ["pour-over", "espresso", "latte-art", "ethiopia", "drip-bag", "cold-brew", "cupping", "yunnan", "brewing-gear", "italian-wine"];

    public static readonly DemoContent[] Content =
    [
        new("article-pour-over-101", "手冲入门：从粉水比开始", "Pour-over 101: start with the ratio", ["pour-over", "brewing-gear"], -45),
        new("article-ethiopia-1", "埃塞俄比亚产区入门", "Ethiopia 101: the birthplace of coffee", ["ethiopia", "pour-over"], -20),
        new("video-latte-heart", "视频：三步拉出一颗心", "Video: a latte art heart in three steps", ["latte-art", "espresso"], 2),
        new("article-espresso-extraction", "意式萃取：时间、粉量与压力", "Espresso extraction: time, dose and pressure", ["espresso"], 9),
        new("article-cold-brew-home", "在家做冷萃的五个细节", "Five details for cold brew at home", ["cold-brew"], 15),
        new("article-yunnan-farms", "走进云南保山咖啡庄园", "Visiting the coffee farms of Baoshan, Yunnan", ["yunnan", "pour-over"], 22),
        new("article-cupping-guide", "第一次杯测怎么喝", "Your first cupping, step by step", ["cupping", "ethiopia"], 28),
        new("article-drip-bag-tips", "挂耳咖啡也能冲得好喝", "Better coffee from a drip bag", ["drip-bag"], 33),
        new("video-tulip", "视频：郁金香拉花分解", "Video: the tulip, layer by layer", ["latte-art"], 40),
        new("article-italian-wine-coffee", "意大利葡萄酒与咖啡的风味搭配", "Italian wine and coffee: pairing the flavours", ["italian-wine", "espresso"], 47),
        new("article-grinder-guide", "磨豆机怎么选", "Choosing a grinder", ["brewing-gear", "pour-over"], 53),
        new("article-ethiopia-natural", "日晒与水洗：埃塞俄比亚的两种风味", "Natural or washed: two faces of Ethiopia", ["ethiopia"], 59),
        new("article-tuscany", "托斯卡纳葡萄酒产区漫游", "A wander through Tuscany's wine country", ["italian-wine"], 66),
        new("article-milk-science", "牛奶、燕麦奶与奶泡的科学", "Milk, oat milk and the science of foam", ["latte-art", "espresso"], 72),
        new("article-water", "泡咖啡用什么水", "Which water for brewing", ["pour-over", "brewing-gear"], 79),
        new("article-ethiopia-tasting-preview", "品鉴会预告：五款埃塞俄比亚豆", "Tasting preview: five Ethiopian coffees", ["ethiopia", "cupping"], 86),
    ];

    public static readonly DemoGathering[] Gatherings =
    [
        new("event-pour-over-class-12", "手冲入门课 · 第 12 期", "Pour-over class #12", ["pour-over", "brewing-gear"], 12, TimeSpan.FromHours(14)),
        new("event-cupping-yirgacheffe", "Cupping Night · 耶加雪菲杯测", "Cupping Night: Yirgacheffe", ["ethiopia", "cupping"], 38, TimeSpan.FromHours(19.5)),
        new("event-latte-art-workshop", "拉花工作坊", "Latte art workshop", ["latte-art", "espresso"], 50, TimeSpan.FromHours(14)),
        new("event-italian-wine-night", "意大利葡萄酒 × 咖啡之夜", "Italian wine & coffee night", ["italian-wine", "espresso"], 62, TimeSpan.FromHours(19)),
        new("event-yunnan-talk", "云南咖啡产区分享会", "Yunnan origin talk", ["yunnan", "pour-over"], 73, TimeSpan.FromHours(15)),
        new("event-cold-brew-market", "冷萃市集", "Cold brew pop-up market", ["cold-brew"], 84, TimeSpan.FromHours(11)),
        new("event-ethiopia-tasting", "埃塞俄比亚品鉴会", "Ethiopia tasting", ["ethiopia", "cupping"], 93, TimeSpan.FromHours(14)),
    ];

    public static readonly DemoProduct[] Products =
    [
        new("BC-ETH-YIR-250", "耶加雪菲 G1 水洗 250g", "Yirgacheffe G1 washed 250g", 98m, ["ethiopia", "pour-over"]),
        new("BC-ETH-SID-250", "西达摩 日晒 250g", "Sidamo natural 250g", 88m, ["ethiopia", "pour-over"]),
        new("BC-YUN-BS-250", "云南保山 小粒咖啡 250g", "Yunnan Baoshan 250g", 68m, ["yunnan", "pour-over"]),
        new("BC-ESP-HOUSE-1K", "豆子意式拼配 1kg", "House espresso blend 1kg", 168m, ["espresso", "latte-art"]),
        new("BC-DRIP-10", "挂耳咖啡 10 包", "Drip bags, box of 10", 49m, ["drip-bag"]),
        new("BC-COLD-6", "冷萃咖啡液 6 瓶", "Cold brew concentrate, 6 bottles", 72m, ["cold-brew"]),
        new("BC-GEAR-V60", "V60 滤杯套装", "V60 dripper set", 129m, ["pour-over", "brewing-gear"]),
        new("BC-GEAR-KETTLE", "细口手冲壶 600ml", "Gooseneck kettle 600ml", 189m, ["pour-over", "brewing-gear"]),
        new("BC-GEAR-PITCHER", "拉花缸 350ml", "Milk pitcher 350ml", 79m, ["latte-art", "brewing-gear"]),
        new("BC-WINE-CHIANTI", "基安蒂经典红葡萄酒 750ml", "Chianti Classico 750ml", 168m, ["italian-wine"]),
        new("BC-CLASS-POUR", "手冲入门课", "Pour-over class", 199m, ["pour-over", "brewing-gear"]),
        new("BC-TICKET-CUPPING", "杯测会门票", "Cupping ticket", 39m, ["cupping", "ethiopia"]),
    ];
}
