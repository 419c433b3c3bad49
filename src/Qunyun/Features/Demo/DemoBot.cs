using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Demo;

/// <summary>
/// The demo workspace's bot: three FAQ entries before the traffic (the bot answers the simulated questions, so hit
/// counts and unanswered questions come from the pipeline), then a welcome template and the welcome ritual on the
/// two busiest groups after it, so the past is not re-welcomed; only new events see it.
/// </summary>
internal static class DemoBot
{
    public static async Task SeedFaqAsync(QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.AutoReplyRules.AnyAsync(cancellationToken))
        {
            return;
        }

        db.AutoReplyRules.AddRange(
            Rule(clock, "营业时间 Opening hours", MatchMode.Similar, "几点开门\n营业时间是几点\n周末营业吗\nopening hours", 10,
                "{{ member.name }}，门店每天 8:00–21:00 营业，周末照常。", "{{ member.name }}, our shops open 8:00–21:00 every day."),
            Rule(clock, "会员积分 Membership", MatchMode.AnyOf, "会员卡\n积分\nmembership", 5,
                "会员卡在小程序“我的”页面领取，消费即累计。", "Get the membership card in the mini-program under \"Me\"."),
            Rule(clock, "发票 Invoice", MatchMode.Contains, "发票", 5, "发票请在小程序订单页申请，三个工作日内开出。", null));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task SeedWelcomeAsync(QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.MessageTemplates.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var welcome = new MessageTemplate
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Key = "welcome-beans",
            Name = "豆子咖啡欢迎语 Beans welcome",
            Purpose = TemplatePurpose.Welcome,
            BodyZh = "☕ 欢迎 {{ newcomers | join: \"、\" }} 加入{{ group.name }}！{% if newcomer_count > newcomers.size %}（共 {{ newcomer_count }} 位新朋友）{% endif %}群规请看：{{ group.rules_link | default: \"群公告\" }}",
            BodyEn = "☕ Welcome {{ newcomers | join: \", \" }} to {{ group.name }}! Rules: {{ group.rules_link | default: \"see the group notice\" }}",
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.MessageTemplates.Add(welcome);
        var groups = await db.Groups.OrderByDescending(g => g.MemberCount).Take(2).Select(g => g.Id).ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            db.GroupBotSettings.Add(new GroupBotSettings
            {
                GroupId = group,
                Voice = BotVoice.Full,
                RulesLink = "https://beans.example/rules",
                WelcomeEnabled = true,
                WelcomeTemplateId = welcome.Id,
                IntroductionEnabled = true,
                IntroductionFields = "城市,职业",
                WatchWords = "咖啡师\n店长\n投资",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static AutoReplyRule Rule(TimeProvider clock, string name, MatchMode mode, string pattern, int priority, string zh, string? en) => new()
    {
        Id = Guid.CreateVersion7(clock.GetUtcNow()),
        Name = name,
        Mode = mode,
        Pattern = pattern,
        Priority = priority,
        AnswerZh = zh,
        AnswerEn = en,
        Version = 1,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        UpdatedAt = clock.GetUtcNow().UtcDateTime,
    };
}
