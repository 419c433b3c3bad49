namespace Qunyun.Engine.Tests.Moderation;

/// <summary>
/// A clean chat corpus written for these tests: ordinary Chinese and English messages from templates, including
/// English words that contain a listed word's letters inside or across word boundaries ("class", "assess",
/// "we chat", "I'm a", "is ex-") and Chinese sentences where a listed pair meets across punctuation.
/// </summary>
internal static class ChatCorpus
{
    private static readonly string[] ChineseSubjects = ["我", "你", "他们", "老师", "群主", "大家", "小王", "我妈", "同事", "我们班"];
    private static readonly string[] ChineseActions =
    [
        "明天下午三点开会", "刚吃完午饭", "在看新出的电视剧", "觉得这本书很好看", "周末去爬山了", "想报名参加活动",
        "把作业交了", "今天加班到九点", "在学习做蛋糕", "买了一台新电脑", "打卡第七天", "稍微有点累", "在等公交车",
        "给大家带了特产", "刚下飞机", "觉得天气变冷了", "在准备考试", "发了一张照片", "正在排队买咖啡", "看完了比赛",
    ];
    private static readonly string[] ChineseEndings = ["。", "！", "～", "哈哈", "😂", "👍", "，你们呢？", "。晚安", "", "……"];
    private static readonly string[] EnglishOpeners = ["Hi all", "Morning", "Quick question", "FYI", "Thanks", "Hey", "Update", "Reminder", "Heads up", "So"];
    private static readonly string[] EnglishBodies =
    [
        "our first class starts at nine", "we assess the results on Friday", "the bass player was great", "I passed the exam",
        "we chat every day after lunch", "I'm a big fan of this group", "she is ex-military", "grab a ssh key from the wiki",
        "the class assignment is due", "my sussex trip was lovely", "this is exactly what I needed", "embarrassing typo, sorry",
        "the assistant will help", "please assess the passage", "we canvassed the whole street", "the harassment policy is pinned",
        "brass band tonight", "Essex and Middlesex are counties", "sextant and sextet are old words", "Dickens wrote a classic",
        "we chatted about weather", "a shell script fixed it", "take a seat in class", "the glass is half full",
    ];
    private static readonly string[] EnglishEndings = [".", "!", " :)", " 👍", "?", "", " lol", " — thanks", "...", " 🙂"];

    public static IReadOnlyList<string> Chinese() =>
        [.. from s in ChineseSubjects from a in ChineseActions from e in ChineseEndings.Take(3) select s + a + e];

    public static IReadOnlyList<string> English() =>
        [.. from o in EnglishOpeners from b in EnglishBodies from e in EnglishEndings.Take(3) select $"{o}, {b}{e}"];
}
