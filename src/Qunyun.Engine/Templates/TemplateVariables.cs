namespace Qunyun.Engine.Templates;

/// <summary>
/// The variables each purpose offers. Only data Qunyun actually has is listed (points and check-in streaks come from
/// the points ledger; there are no levels), so an operator can never write a template the pipeline cannot fill.
/// </summary>
public static class TemplateVariables
{
    public sealed record Variable(string Path, string SampleZh, string SampleEn, bool IsList = false);

    private static readonly Variable[] Group =
    [
        new("group.name", "产品交流群", "Product chat"),
        new("group.member_count", "128", "128"),
        new("group.rules_link", "https://example.com/rules", "https://example.com/rules"),
        new("group.rules", "1. 友善交流 2. 禁止广告", "1. Be kind 2. No ads"),
        new("workspace.name", "群运", "Qunyun"),
    ];

    private static readonly Variable[] Member =
    [
        new("member.name", "小王", "Alex"),
        new("member.number", "128", "128"),
    ];

    private static readonly Variable[] Referral =
    [
        new("campaign.name", "邀好友得挂耳包", "Bring friends, get a drip bag"),
        new("referral.link", "https://t.me/+AbCdEf", "https://t.me/+AbCdEf"),
        new("referral.next_prize", "挂耳咖啡一盒", "a box of drip bags"),
        new("referral.next_missing", "2", "2"),
        new("referral.stay_days", "7", "7"),
    ];

    private static readonly Dictionary<TemplatePurpose, Variable[]> ByPurpose = new()
    {
        [TemplatePurpose.Welcome] = [.. Group, new("newcomers", "小王|小李", "Alex|Sam", IsList: true), new("newcomer_count", "2", "2")],
        [TemplatePurpose.PrivateWelcome] = [.. Group, .. Member],
        [TemplatePurpose.IntroductionPrompt] = [.. Group, new("newcomers", "小王|小李", "Alex|Sam", IsList: true), new("newcomer_count", "2", "2")],
        [TemplatePurpose.IntroductionReminder] = [.. Group, .. Member],
        [TemplatePurpose.AutoReply] = [.. Group, .. Member, new("question", "怎么开发票？", "How do I get an invoice?")],
        [TemplatePurpose.Command] = [.. Group, .. Member, new("command", "签到", "checkin"), new("commands", "签到|群规|帮助", "checkin|rules|help", IsList: true),
            new("checkin.days", "5", "5"), new("checkin.streak", "3", "3"), new("points.balance", "120", "120"),
            new("points.earned", "5", "5"), new("points.bonus", "0", "0")],
        [TemplatePurpose.RuleReminder] = [.. Group, new("reminder.new_members", "12", "12")],
        [TemplatePurpose.ContentPost] = [.. Group, new("content.title", "本周行业动态", "This week in the industry"),
            new("content.body", "三条值得关注的消息……", "Three items worth a look…"), new("content.category", "行业资讯", "Industry news"),
            new("content.reading_minutes", "5", "5"), new("content.source", "群运编辑部", "Qunyun editors")],
        [TemplatePurpose.Digest] = [.. Group, new("digest.date", "2026-11-23", "2026-11-23"), new("digest.count", "3", "3"),
            new("digest.items", "小王：今天的分享很棒|小李：附上资料链接", "Alex: great talk today|Sam: here are the slides", IsList: true)],
        [TemplatePurpose.ScheduledPost] = [.. Group, new("plan.title", "早报", "Morning briefing"), new("date", "2026-11-23", "2026-11-23"),
            new("weekday", "星期一", "Monday")],
        [TemplatePurpose.IdleChatNudge] = [.. Group, new("members", "小王|小李", "Alex|Sam", IsList: true), new("message_count", "12", "12")],
        [TemplatePurpose.CapacityNotice] = [.. Group, .. Member, new("group.capacity", "150", "150")],
        [TemplatePurpose.Farewell] = [.. Group, new("activity.name", "双十一品鉴会", "Tasting night"), new("activity.ends_on", "2026-11-30", "2026-11-30"),
            new("dissolve.date", "2026-12-03", "2026-12-03")],
        [TemplatePurpose.FeedbackReply] = [.. Group, .. Member, new("feedback.kind", "建议", "idea"), new("feedback.status", "已受理", "accepted"),
            new("feedback.excerpt", "希望增加夜间模式", "please add a dark mode"), new("feedback.text", "#建议 希望增加夜间模式", "#idea please add a dark mode")],
        [TemplatePurpose.ScreeningInvite] = [.. Group, .. Member, new("screening.link", "https://qunyun.example/apply/k3J9…", "https://qunyun.example/apply/k3J9…"),
            new("screening.deadline", "2026-11-25 09:30", "2026-11-25 09:30"), new("screening.task", "邀请 3 位好友入群并留满 7 天", "invite 3 friends who stay 7 days")],
        [TemplatePurpose.ScreeningDeclined] = [.. Group, .. Member, new("screening.reason", "未在期限内完成申请", "the application was not completed in time")],
        [TemplatePurpose.MembershipReminder] = [.. Group, .. Member, new("plan.name", "年度会员", "Annual membership"), new("plan.price", "199 CNY", "199 CNY"),
            new("membership.ends_on", "2026-12-31", "2026-12-31"), new("membership.days_left", "7", "7")],
        [TemplatePurpose.ReferralPoster] = [.. Group, .. Member, .. Referral, new("campaign.goal", "邀请 3 位好友入群并留满 7 天", "Invite 3 friends who stay 7 days")],
        [TemplatePurpose.ReferralProgress] = [.. Group, .. Member, .. Referral, new("referral.valid", "1", "1"), new("referral.pending", "2", "2"),
            new("referral.revoked", "0", "0"), new("referral.flagged", "0", "0"),
            new("referral.waiting", "小李（还差 3 天）|小周（还差 6 天）", "Sam (3 days to go)|Kim (6 days to go)", IsList: true),
            new("referral.prizes", "挂耳咖啡一盒：CODE-123", "a box of drip bags: CODE-123", IsList: true)],
    };

    public static IReadOnlyList<Variable> For(TemplatePurpose purpose) => ByPurpose[purpose];

    /// <summary>Whether <paramref name="path"/> (a.b.c as written in the template) is offered, or lies under a list/object offered.</summary>
    public static bool Offers(TemplatePurpose purpose, string path) =>
        ByPurpose[purpose].Any(v => v.Path == path || path.StartsWith(v.Path + ".", StringComparison.Ordinal) && v.IsList);

    /// <summary>Whether <paramref name="root"/> is the first segment of some offered variable (so "group" alone is an object).</summary>
    public static bool IsObject(TemplatePurpose purpose, string root) =>
        ByPurpose[purpose].Any(v => v.Path.StartsWith(root + ".", StringComparison.Ordinal));

    /// <summary>Sample values for previews, in the given language.</summary>
    public static TemplateValues Sample(TemplatePurpose purpose, string language)
    {
        var values = new TemplateValues().ForLanguage(language);
        foreach (var variable in ByPurpose[purpose])
        {
            var text = language.StartsWith("zh", StringComparison.Ordinal) ? variable.SampleZh : variable.SampleEn;
            if (variable.IsList)
            {
                values.SetList(variable.Path, text.Split('|'));
            }
            else
            {
                values.Set(variable.Path, text);
            }
        }

        return values;
    }
}
