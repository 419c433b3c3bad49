using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Bot;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;
using Qunyun.Tests.Plan;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Outbox;

/// <summary>
/// Every path that queues an action, driven in one workspace on the fixture day (the fake clock starts Monday
/// 2026-11-23 09:30 UTC, 17:30 in Asia/Shanghai): every row it leaves must read back through the engine's catalogue.
/// </summary>
public sealed class OutboxPayloadTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryPathThatQueues_WritesPayloadsTheCatalogueReadsBackUnchanged()
    {
        await using var own = new OwnHost();
        var app = own.App.With("Bot:RunWorker", "false");
        var ws = await app.CreateWorkspaceAsync("outbox-payloads");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "读书会", externalId: "g-1");
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.CreateWordListAsync("scam", "保本高收益");
        var ban = new { key = "scam", detector = "words", list = "scam", strike = false, actions = new[] { new { type = "delete" }, new { type = "ban" } }, exemptRoles = Array.Empty<string>() };
        await ws.Client.PublishDefaultAsync(new
        {
            rules = new object[] { WordRule("ads", "ads"), ban },
            ladder = StrikeLadder,
            warnings = new Dictionary<string, string> { ["zh-CN"] = "{member}：第 {strikes} 次违规（{rule}）" },
            rulesText = "1. 不发广告\n2. 友善交流",
        }, postRules: true);
        await SucceedsAsync(ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/bot", new { welcomeEnabled = true, welcomeBatchSeconds = 0, privateWelcomeEnabled = true, introductionEnabled = true }));
        await ws.Client.PostOkAsync("/api/v1/bot/auto-replies",
            new { name = "invoice", mode = "Contains", pattern = "发票", priority = 1, answerZh = "{{ member.name }}，发票在小程序里申请" });
        await ws.Client.CreateEntryAsync(new { title = "问候", text = "{{ group.name }}的朋友们，{{ weekday }}快乐", groupIds = new[] { group }, schedule = "Weekly", days = new[] { 1 }, time = "18:00" });
        await SucceedsAsync(ws.Client.PutAsJsonAsync($"/api/v1/plan/rule-reminders/{group}", new { days = new[] { 1 }, time = "18:00" }));
        await SucceedsAsync(ws.Client.PutAsJsonAsync($"/api/v1/digest/groups/{group}/settings", new { postEnabled = true }));

        await ws.Client.IngestAsync(
            Infrastructure.Events.Of("member_joined", channel, "join", "g-1", "newbie", Start),
            Message(channel, "q", "u1", Start.AddMinutes(1), "有人读过《人类简史》吗？值得一读吗"),
            Infrastructure.Events.Message(channel, "r1", "g-1", "u2", Start.AddMinutes(2), "读过，非常推荐", replyTo: "q"),
            Infrastructure.Events.Message(channel, "r2", "g-1", "u6", Start.AddMinutes(2), "同推荐", replyTo: "q"),
            Infrastructure.Events.Of("reaction", channel, "x", "g-1", "u2", Start.AddMinutes(2), new { targetExternalEventId = "q", emoji = "👍" }, "reaction"),
            Message(channel, "invoice", "u3", Start.AddMinutes(3), "请问怎么开发票？"),
            Message(channel, "checkin", "u4", Start.AddMinutes(4), "签到"),
            Message(channel, "m1", "spammer", Start.AddMinutes(5), "加微信领红包"),
            Message(channel, "m2", "spammer", Start.AddMinutes(6), "加微信看看"),
            Message(channel, "m3", "spammer", Start.AddMinutes(7), "加微信吧"),
            Message(channel, "scam", "u5", Start.AddMinutes(8), "保本高收益，私聊"));
        await app.DrainAsync();
        await app.Services.GetRequiredService<BotWorker>().RunDueAsync(CancellationToken.None);
        var decisions = (await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/moderation/decisions", Infrastructure.Api.Json)).GetProperty("items").EnumerateArray().ToList();
        foreach (var lifted in decisions.Where(d => d.GetProperty("actions").GetString() is "delete,mute(60)" or "delete,ban"))
        {
            await SucceedsAsync(ws.Client.PostAsJsonAsync($"/api/v1/moderation/decisions/{lifted.GetProperty("id").GetGuid()}/reverse", new { note = "复核" }));
        }

        await app.StepPlanAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 5, TimeSpan.Zero)); // 18:00 local: the post and the reminder
        await app.StepPlanAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 0, 30, TimeSpan.Zero)); // 21:00 local: the digest
        await app.StepPlanAsync();

        await using var db = ws.OpenDb();
        var rows = await db.Outbox.AsNoTracking().ToListAsync();
        OutboxAssert.ReadBack(rows);
        Assert.Equal(
            new[] { ConnectorActions.SendText, ConnectorActions.SendPrivate, ConnectorActions.DeleteMessage, ConnectorActions.Mute, ConnectorActions.Kick,
                ConnectorActions.Ban, ConnectorActions.Unmute, ConnectorActions.Unban }.Order(),
            rows.Select(r => r.Action).Distinct().Order());
        string[] paths = ["mod:rules:", "bot:welcome:", "bot:intro-prompt:", "bot:private-welcome:", "bot:faq:", "bot:command:", "mod:review:", "plan:", "rules:", "digest:"];
        var missing = paths.Where(p => !rows.Any(r => r.IdempotencyKey.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("send_text", """{"text":"t","externalGroupId":"g"}""")] // reads, but is not what the catalogue writes
    [InlineData("send_text", """{"externalGroupId":"g","text":"t","extra":1}""")]
    [InlineData("send_text", """{"externalGroupId":"g"}""")]
    [InlineData("teleport", """{"externalGroupId":"g"}""")]
    public void ReadBack_PayloadTheCatalogueWouldNotWrite_Fails(string action, string payload)
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => OutboxAssert.ReadBack([(action, payload)]));
        OutboxAssert.ReadBack([(ConnectorActions.SendText, """{"externalGroupId":"g","text":"t"}""")]);
    }

    private static async Task SucceedsAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }
}
