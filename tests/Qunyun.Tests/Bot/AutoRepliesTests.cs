using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;

namespace Qunyun.Tests.Bot;

public sealed class AutoRepliesTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static object Rule(string name, string mode, string pattern, int priority, string answer, Guid? groupId = null, int groupCooldown = 0, int memberCooldown = 0) =>
        new { name, mode, pattern, priority, answerZh = answer, groupId, groupCooldownSeconds = groupCooldown, memberCooldownSeconds = memberCooldown };

    [Fact]
    public async Task Message_MatchingSeveralRules_IsAnsweredByTheHighestPriority()
    {
        var world = await BotWorld.CreateAsync(app, "faq-priority");
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies", Rule("low", "Contains", "发票", 1, "低优先级"));
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies", Rule("high", "Similar", "怎么开发票", 5, "{{ member.name }}，发票在小程序里申请"));

        await world.SayAsync("asker", "请问怎么开发票？");

        var (_, payload) = Assert.Single(await world.SaidAsync());
        Assert.Equal("asker，发票在小程序里申请", payload.GetProperty("text").GetString());
        Assert.True(payload.TryGetProperty("replyToExternalEventId", out _));
        var rules = (await world.Workspace.Client.GetFromJsonAsync<Qunyun.Api.Page<Features.Bot.AutoReplyRuleResponse>>("/api/v1/bot/auto-replies", Infrastructure.Api.Json))!;
        Assert.Equal(1, rules.Items.Single(r => r.Name == "high").Hits);
        Assert.Equal(0, rules.Items.Single(r => r.Name == "low").Hits);
    }

    [Fact]
    public async Task Cooldowns_PerGroupAndPerMember_HoldBackAnswers()
    {
        var world = await BotWorld.CreateAsync(app, "faq-cooldown");
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies", Rule("price", "AnyOf", "价格\n多少钱", 0, "价格见群公告", world.Group, groupCooldown: 60, memberCooldown: 600));

        await world.SayAsync("a", "多少钱");
        await world.SayAsync("b", "价格呢");          // group cooldown
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await world.SayAsync("a", "价格多少");        // member cooldown still on for a
        await world.SayAsync("b", "多少钱啊");        // b may get it
        await world.SayAsync("c", "价格");            // group cooldown again

        Assert.Equal(2, (await world.TextsAsync()).Count);
    }

    [Fact]
    public async Task MemberCooldown_HoldsInOneGroup_NotInAnother()
    {
        var world = await BotWorld.CreateAsync(app, "faq-member-groups");
        await world.Workspace.Client.CreateGroupAsync(world.Channel, "第二个群", externalId: "g-bot-2");
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies", Rule("invoice", "Contains", "发票", 0, "发票见小程序", memberCooldown: 3600));

        await world.SayAsync("a", "怎么开发票");
        await world.SayAsync("a", "发票呢");                 // same member, same group: cooling down
        await world.SayInAsync("g-bot-2", "a", "发票怎么开"); // another group's members have not seen the answer

        Assert.Equal(["发票见小程序", "发票见小程序"], await world.TextsAsync());
    }

    [Fact]
    public async Task AMessageModerationActsOn_IsNotAnswered()
    {
        var world = await BotWorld.CreateAsync(app, "faq-moderated");
        await world.Workspace.Client.CreateWordListAsync("ads", "加微信");
        await world.Workspace.Client.PublishDefaultAsync(new { rules = new[] { ModerationSteps.WordRule("ads", "ads", strike: false, actions: [new { type = "delete" }], exempt: []) } });
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies", Rule("wechat", "Contains", "微信", 0, "官方微信号见群公告"));

        await world.SayAsync("spammer", "加微信领福利");
        await world.SayAsync("m", "你们有微信公众号吗");

        await using var db = world.Workspace.OpenDb();
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.Action == "delete_message"));
        Assert.Equal(["官方微信号见群公告"], await world.TextsAsync());
    }

    [Fact]
    public async Task QuietVoice_AnswersCommandsButNotFaq()
    {
        var world = await BotWorld.CreateAsync(app, "faq-quiet");
        await world.ConfigureAsync(new { voice = "Quiet" });
        await world.Workspace.Client.PublishDefaultAsync(new { rulesText = "不发广告" });
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies", Rule("any", "Contains", "群规", 0, "FAQ 回答"));

        await world.SayAsync("m", "群规");
        await world.SayAsync("m", "群规是什么");

        Assert.Equal([$"{world.GroupName} 群规：不发广告"], await world.TextsAsync());
    }

    [Fact]
    public async Task CheckInCommand_RecordsACheckInEventAndReplies()
    {
        var world = await BotWorld.CreateAsync(app, "cmd-checkin");

        await world.SayAsync("early-bird", "签到");
        await world.SayAsync("early-bird", "/checkin");

        await using var db = world.Workspace.OpenDb();
        var member = await db.Members.Where(m => m.DisplayName == "early-bird").Select(m => m.Id).SingleAsync();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "check_in" && e.MemberId == member));
        string[] replies = ["early-bird 签到成功！获得 5 积分，已连续签到 1 天，当前积分 5。", "early-bird 今天已经签到过了，明天再来吧！已连续签到 1 天，当前积分 5。"];
        Assert.Equal(replies.Order(), (await world.TextsAsync()).Order()); // same clock tick: outbox order is not meaningful
    }

    [Fact]
    public async Task HelpCommand_UsesTheOperatorsTemplateWhenSaved()
    {
        var world = await BotWorld.CreateAsync(app, "cmd-help");
        await world.Workspace.Client.PostOkAsync("/api/v1/templates", new { key = "command-help", name = "Help", purpose = "Command", bodyZh = "试试：{{ commands | join: \" / \" }}" });

        await world.SayAsync("m", "帮助");

        Assert.Equal(["试试：签到 / checkin / 群规 / rules / 帮助 / help / 我的积分 / 积分 / points / mypoints"], await world.TextsAsync());
    }

    [Fact]
    public async Task Questions_WithoutAnswer_AreListedAfter30Minutes_StaffAnswersClearThem()
    {
        var world = await BotWorld.CreateAsync(app, "faq-unanswered");

        await world.SayAsync("m1", "周末有活动吗？");
        await world.SayAsync("m2", "这个怎么用?");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await world.SayAsync("staff", "周末有，详见公告");
        await world.SayAsync("m3", "直播几点开始？");
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var page = await world.Workspace.Client.GetFromJsonAsync<Qunyun.Api.Page<Features.Bot.OpenQuestionResponse>>("/api/v1/bot/unanswered", Infrastructure.Api.Json);
        Assert.Equal(["直播几点开始？"], page!.Items.Select(q => q.Text));
    }

    [Fact]
    public async Task Create_WithBadRegexAndUnknownVariable_Returns400NamingBoth()
    {
        var world = await BotWorld.CreateAsync(app, "faq-invalid");

        var response = await world.Workspace.Client.PostAsJsonAsync("/api/v1/bot/auto-replies", Rule("bad", "Regex", "(oops", 0, "{{ member.level }}"), Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["AnswerZh", "Pattern"], (await response.ValidationFieldsAsync()).Order());
    }
}
