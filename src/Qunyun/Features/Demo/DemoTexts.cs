namespace Qunyun.Features.Demo;

/// <summary>What a group mostly talks about; picks the wording of its simulated messages.</summary>
internal enum DemoTheme
{
    Members,
    Course,
    Feedback,
    Tasting,
    GroupBuy,
    LatteArt,
    Explore,
}

/// <summary>
/// The wording of the demo's messages, written for this project (a coffee brand's communities), in Simplified
/// Chinese and English. Slots in braces are filled per message: {bean} {note} {ratio} {temp} {grams} {drink} {city}
/// {name} {day}.
/// </summary>
internal static class DemoTexts
{
    public static readonly string[] Beans = ["耶加雪菲", "西达摩", "古吉", "云南保山", "云南普洱", "哥伦比亚慧兰", "巴拿马瑰夏", "肯尼亚 AA", "危地马拉安提瓜", "巴西喜拉多"];
    public static readonly string[] BeansEn = ["Yirgacheffe", "Sidamo", "Guji", "Yunnan Baoshan", "Yunnan Pu'er", "Colombia Huila", "Panama Geisha", "Kenya AA", "Antigua", "Brazil Cerrado"];
    public static readonly string[] Notes = ["柑橘", "茉莉花香", "莓果", "焦糖", "坚果", "黑巧克力", "红茶感", "蜂蜜", "柠檬", "葡萄干"];
    public static readonly string[] NotesEn = ["citrus", "jasmine", "berries", "caramel", "nuts", "dark chocolate", "black tea", "honey", "lemon", "raisin"];
    public static readonly string[] Drinks = ["拿铁", "澳白", "美式", "手冲", "冷萃", "燕麦拿铁", "dirty", "卡布奇诺"];
    public static readonly string[] DrinksEn = ["latte", "flat white", "americano", "pour-over", "cold brew", "oat latte", "cortado", "cappuccino"];
    public static readonly string[] Cities = ["上海", "杭州", "北京", "成都", "深圳", "广州", "南京", "苏州", "昆明", "厦门"];
    public static readonly string[] CitiesEn = ["Singapore", "Berlin", "Toronto", "Melbourne", "London", "Hong Kong", "Seattle", "Lisbon", "Taipei", "Kuala Lumpur"];
    public static readonly string[] Days = ["周六", "周日", "这周末", "下周三", "明晚"];
    public static readonly string[] DaysEn = ["Saturday", "Sunday", "this weekend", "next Wednesday", "tomorrow night"];

    public static readonly string[] Introductions =
    [
        "大家好，我是{name}，在{city}工作，每天早上一杯{drink}才能开机 ☕", "新人报到！我是{name}，刚入坑手冲，请多指教 🙏",
        "大家好～我是{name}，{city}人，最近迷上了{bean}，想跟大家多学习", "哈喽，我是{name}，朋友推荐进群的，平时喝{drink}比较多",
        "自我介绍一下：{name}，设计师，家里有一台半自动，拉花还在画“心”阶段 😂", "大家好，{name}，在{city}开了个小咖啡角，来取经的",
    ];

    public static readonly string[] IntroductionsEn =
    [
        "Hi all, {name} here from {city}. Can't start the day without a {drink} ☕", "Hello! I'm {name}, just got my first V60 and I'm hooked",
        "Hey everyone, {name} from {city}. A friend sent me the invite, happy to be here", "New here 👋 I'm {name}, mostly drink {drink}, keen to learn about single origins",
        "Hi, {name}. Home barista, still fighting with milk texture 😅",
    ];

    public static readonly string[] Replies =
    [
        "同意！", "哈哈哈哈 真的", "+1，我也遇到过", "试试磨细一点，流速会慢下来", "粉水比可以先用 1:15 再慢慢调", "水温降到 {temp}℃ 试试，酸会柔和一些",
        "谢谢分享 🙏", "学到了", "我上次买的也是这款，{note}很明显", "私信你了", "这个要问客服小姐姐 @豆子小助手", "求链接！", "收藏了",
        "我觉得是豆子太新鲜了，养豆一周再喝", "奶温别超过 65℃，不然奶泡会粗", "周末一起去呀", "没错，{bean}冷萃特别好喝", "同问 +1", "太好看了吧 😍",
    ];

    public static readonly string[] RepliesEn =
    [
        "Agreed!", "Haha same here", "+1, happened to me too", "Try a finer grind, it'll slow the flow", "Start at 1:15 and adjust from there",
        "Drop the water to {temp}°C, the acidity gets softer", "Thanks for sharing 🙏", "TIL", "I have the same bag, the {note} really comes through",
        "DM'd you", "Link please!", "Let it rest a week after roasting, it's probably too fresh", "Keep the milk under 65°C or the foam gets bubbly",
        "Count me in", "Looks amazing 😍", "Same question here",
    ];

    private static readonly Dictionary<DemoTheme, string[]> Chinese = new()
    {
        [DemoTheme.Members] =
        [
            "早上好！今天的手冲是{bean} ☕", "请问新品什么时候上架？", "快递到了，包装很用心！", "请问会员积分怎么兑换？", "今天的{drink}有点{note}的味道，喜欢",
            "有人喝过{bean}吗？值不值得买", "早安打卡，今天{city}降温了，来杯热{drink}", "上周买的{bean}喝完了，回购中", "午休来一杯{drink}，下午继续搬砖",
            "大家一般一包豆子多久喝完？", "豆子开封后怎么保存比较好？", "晚上喝咖啡会不会睡不着啊", "推荐一款适合做{drink}的豆子？",
            "刚看到公众号那篇{bean}的文章，写得真好", "周末有人一起去{city}的门店吗", "优惠券怎么用不了？", "今天店里人好多，排了二十分钟",
            "第一次冲出{note}的味道，激动！", "办公室同事都被我带入坑了哈哈", "晚安，明天见 🌙", "会员日是每个月几号？",
            "几点开门？", "周末营业吗？", "发票怎么开？",
        ],
        [DemoTheme.Course] =
        [
            "作业：{bean} {grams}g，粉水比 1:{ratio}，水温 {temp}℃，总时间 2 分 30 秒", "老师，闷蒸 30 秒还是 40 秒好？", "为什么我冲的总是偏苦？",
            "今天试了三段式注水，甜感明显多了", "磨豆机刻度大家用的多少？", "这周的作业交啦，{note}味出来了", "滤纸要不要先润湿？", "V60 和 Kalita 差别大吗",
            "注水太猛了，粉层塌了 😭", "请问下节课讲什么？", "水质对味道影响这么大吗？我换了矿泉水完全不一样",
        ],
        [DemoTheme.Feedback] =
        [
            "新品冷萃液试喝反馈：{note}明显，甜度可以再高一点", "挂耳的包装有点难撕", "这批{bean}烘焙度偏深了", "建议出小包装试饮装",
            "App 下单页面有点卡", "冷萃配燕麦奶很搭，建议做成套装", "云南豆的{note}很惊喜，比上一批稳定", "能不能把烘焙日期印大一点？",
            "试喝装收到，已填问卷", "这款的酸度对新手来说有点高", "希望有低因款",
        ],
        [DemoTheme.Tasting] =
        [
            "{day}的品鉴会还有名额吗？", "报名了！需要带什么吗？", "请问地址在哪里，停车方便吗", "杯测是不是要先闻干香？", "期待{bean}的杯测 🙌",
            "可以带朋友一起来吗", "{day}几点开始呀", "上次品鉴会的{bean}太好喝了", "已付款，等通知", "品鉴会的照片在哪里看？",
        ],
        [DemoTheme.GroupBuy] =
        [
            "拼团还差两个人，快来！", "已下单 +1", "这次拼团的挂耳是什么口味？", "团购价什么时候截止？", "我拼了三盒，送同事", "链接在哪里？", "发货了吗？",
            "拼团成功 🎉", "能不能再开一团", "第二件半价吗？",
        ],
        [DemoTheme.LatteArt] =
        [
            "今天的郁金香终于对称了！", "拉花总是失败，求教程", "奶泡太厚，推不出纹路", "分享一杯天鹅 🦢", "大家用多大的拉花缸？", "练了一个月，终于出了心形",
            "燕麦奶能拉花吗？", "这杯融合没做好，白点散了", "今日练习：三层郁金香", "奶温多少度最好打？", "周末拉花练习打卡",
        ],
        [DemoTheme.Explore] =
        [
            "{city}新开了一家店，环境不错", "周末去探店吗？", "这家的手冲单品有{bean}", "推荐一家适合办公的咖啡馆", "探店打卡：{drink}很惊艳",
            "这家店排队太久了", "下次组团去吧",
        ],
    };

    private static readonly Dictionary<DemoTheme, string[]> English = new()
    {
        [DemoTheme.Members] =
        [
            "Morning all! Anyone tried the new {bean}?", "What grind size do you use for V60?", "Thanks for the latte art tips 🙏", "My order arrived, lovely packaging",
            "How do you store beans once the bag is open?", "Today's {drink} had a real {note} note, love it", "Anyone else drinking a {drink} at lunch?",
            "Finished my bag of {bean}, ordering again", "How long does a 250g bag last you?", "Does coffee after 8pm keep you up?", "Good night all 🌙",
            "Just read the article on {bean} origins, great stuff", "Is the member discount applied automatically?", "Any tips for a cheap hand grinder?",
            "What are your opening hours?",
        ],
        [DemoTheme.Course] =
        [
            "Homework: {bean} {grams}g, 1:{ratio}, {temp}°C, 2:30 total", "Bloom for 30 or 45 seconds?", "Why does mine always taste bitter?",
            "Tried a three-pour recipe today, way sweeter", "Does water quality really matter that much?",
        ],
        [DemoTheme.Feedback] =
        [
            "Tried the cold brew sample: {note} up front, could be a bit sweeter", "Drip bag packaging is hard to tear", "This batch of {bean} feels roasted darker",
            "Would love a decaf option", "Checkout page on the app is slow today", "Roast date print is too small", "Filled in the survey for the sample pack",
        ],
        [DemoTheme.Tasting] =
        [
            "Is the cupping event still on for {day}?", "Signed up! Should I bring anything?", "What time does it start on {day}?", "Can I bring a friend?",
            "Loved the {bean} at the last cupping", "Where can we see the photos from the event?",
        ],
        [DemoTheme.GroupBuy] = ["Two more needed for the group buy!", "Ordered +1", "When does the group price end?", "Has it shipped yet?", "Group buy done 🎉"],
        [DemoTheme.LatteArt] =
        [
            "Finally a symmetric tulip today!", "My foam is too thick to pour a pattern", "Sharing a swan 🦢", "What size pitcher do you all use?",
            "Can you pour latte art with oat milk?", "A month of practice and finally a heart", "Weekend practice: three-layer tulip",
        ],
        [DemoTheme.Explore] = ["New café opened in {city}, nice vibe", "Anyone up for a café crawl this weekend?", "Good spot to work from, decent {drink}"],
    };

    /// <summary>Ads and invitations that the demo's group rules (contacts, invitations) catch: the audit log fills from these.</summary>
    public static readonly string[] Spam =
    [
        "加微信 beansvip888 领取免费咖啡豆", "便宜代购咖啡豆，有需要加 vx: cheapbean2026", "进群领红包 https://t.me/joinchat/AAAAbeansfree",
        "内部价咖啡机，私聊 @coffee_deals_2026", "兼职刷单日结，加 QQ 2876543210",
    ];

    public static readonly string[] SpamEn = ["Cheap beans, add me on wechat: beansdeal99", "Free giveaways at https://discord.gg/freecoffee"];

    public static string Message(DemoTheme theme, bool chinese, Random random)
    {
        var pool = chinese ? Chinese : English;
        var lines = random.NextDouble() < 0.55 && pool.TryGetValue(theme, out var themed) ? themed : pool[DemoTheme.Members];
        return lines[random.Next(lines.Length)];
    }

    public static string Fill(string text, bool chinese, string name, Random random) => text
        .Replace("{bean}", Pick(chinese ? Beans : BeansEn, random))
        .Replace("{note}", Pick(chinese ? Notes : NotesEn, random))
        .Replace("{drink}", Pick(chinese ? Drinks : DrinksEn, random))
        .Replace("{city}", Pick(chinese ? Cities : CitiesEn, random))
        .Replace("{day}", Pick(chinese ? Days : DaysEn, random))
        .Replace("{ratio}", random.Next(14, 18).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{temp}", random.Next(86, 95).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{grams}", random.Next(12, 21).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{name}", name);

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
