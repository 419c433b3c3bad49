using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Moderation;

public sealed class ReviewTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    private static readonly object MuteLadder = new
    {
        expiryDays = 30,
        steps = new[] { new object[] { new { type = "delete" }, new { type = "mute", minutes = 30 } }, new object[] { new { type = "delete" }, new { type = "ban" } } },
    };

    [Fact]
    public async Task Reverse_RevokesTheStrikeAndQueuesUnmute_RecordedWithTheStaffActor()
    {
        var ws = await app.Host.CreateWorkspaceAsync("review-reverse");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads") }, ladder = MuteLadder });
        await ws.Client.IngestAsync(Message(channel, "m1", "u1", Day1, "加微信"));
        await app.Host.DrainAsync();
        var decision = (await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/moderation/decisions", Infrastructure.Api.Json)).GetProperty("items")[0];
        var id = decision.GetProperty("id").GetGuid();

        var reversed = await ws.Client.PostAsJsonAsync($"/api/v1/moderation/decisions/{id}/reverse", new { note = "误判，是在讨论" });
        var again = await ws.Client.PostAsJsonAsync($"/api/v1/moderation/decisions/{id}/reverse", new { });
        await ws.Client.IngestAsync(Message(channel, "m2", "u1", Day1.AddHours(1), "加微信"));
        await app.Host.DrainAsync();

        var body = await reversed.ReadJsonAsync();
        Assert.Equal("Reversed", body.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal(("staff:key:test-Owner", "unmute"), (body.GetProperty("reversal").GetProperty("actor").GetString(), body.GetProperty("reversal").GetProperty("actions").GetString()));
        Assert.Equal(["delete"], body.GetProperty("notUndone").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var unmute = Assert.Single(await ws.OutboxAsync(), o => o.Action == "unmute");
        Assert.Equal($"mod:review:{id}:unmute:{await ws.GroupIdAsync():N}", unmute.IdempotencyKey);
        await using var db = ws.OpenDb();
        var second = await db.ModerationDecisions.SingleAsync(d => d.ExternalEventId == "m2" && d.ReversesId == null);
        Assert.Equal((1, "delete,mute(30)"), (second.Strike, second.Actions));
    }

    [Fact]
    public async Task FalsePositive_PutsTheMatchOnTheGroupsAllowList_WhichTheNextMessagesRespect()
    {
        var ws = await app.Host.CreateWorkspaceAsync("review-false-positive");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "兼职");
        await ws.Client.PublishDefaultAsync(new
        {
            rules = new object[] { WordRule("ads", "ads"), new { key = "links", detector = "links", actions = new[] { new { type = "delete" } } } },
            ladder = MuteLadder,
        });
        await ws.Client.IngestAsync(Message(channel, "m1", "teacher", Day1, "我们招兼职老师"), Message(channel, "m2", "u2", Day1, "资料在 docs.partner.cn/guide"));
        await app.Host.DrainAsync();
        var decisions = (await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/moderation/decisions", Infrastructure.Api.Json)).GetProperty("items").EnumerateArray().ToList();
        var word = decisions.Single(d => d.GetProperty("ruleKey").GetString() == "ads").GetProperty("id").GetGuid();
        var link = decisions.Single(d => d.GetProperty("ruleKey").GetString() == "links").GetProperty("id").GetGuid();

        var wordResponse = await ws.Client.PostAsJsonAsync($"/api/v1/moderation/decisions/{word}/false-positive", new { value = "兼职老师", note = "招聘老师不是广告" });
        var linkResponse = await ws.Client.PostAsJsonAsync($"/api/v1/moderation/decisions/{link}/false-positive", new { });
        await ws.Client.IngestAsync(
            Message(channel, "m3", "teacher", Day1.AddHours(1), "还在招兼职老师"),
            Message(channel, "m4", "u2", Day1.AddHours(1), "新版 https://docs.partner.cn/v2"),
            Message(channel, "m5", "u3", Day1.AddHours(1), "兼职日结"));
        await app.Host.DrainAsync();

        Assert.Equal("FalsePositive", (await wordResponse.ReadJsonAsync()).GetProperty("decision").GetProperty("status").GetString());
        var allowed = (await linkResponse.ReadJsonAsync()).GetProperty("allowed");
        Assert.Equal(("Domain", "docs.partner.cn"), (allowed.GetProperty("kind").GetString(), allowed.GetProperty("value").GetString()));
        var group = await ws.GroupIdAsync();
        var allowList = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/groups/{group}/allow", Infrastructure.Api.Json);
        Assert.Equal(["docs.partner.cn", "兼职老师"], allowList.EnumerateArray().Select(a => a.GetProperty("value").GetString()).Order(StringComparer.Ordinal));
        await using var db = ws.OpenDb();
        var caughtLater = await db.ModerationDecisions.Where(d => d.OccurredAt > Day1.UtcDateTime && d.ReversesId == null).Select(d => d.ExternalEventId).ToListAsync();
        Assert.Equal(["m5"], caughtLater);
    }

    [Fact]
    public async Task AllowList_APhraseThatCanNeverMatch_Is400NamingTheValue_AndNothingIsSaved()
    {
        var ws = await app.Host.CreateWorkspaceAsync("allow-emoji");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "表情群");

        var emoji = await ws.Client.PostAsJsonAsync($"/api/v1/moderation/groups/{group}/allow", new { kind = "Word", value = "😀" });
        var word = await ws.Client.PostAsJsonAsync($"/api/v1/moderation/groups/{group}/allow", new { kind = "Word", value = "兼职老师" });

        Assert.Equal(["value"], await emoji.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, word.StatusCode);
        var allowList = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/groups/{group}/allow", Infrastructure.Api.Json);
        Assert.Equal(["兼职老师"], allowList.EnumerateArray().Select(a => a.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task DecisionList_FiltersByGroupMemberRuleActionAndDate()
    {
        var ws = await app.Host.CreateWorkspaceAsync("review-filters");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.CreateWordListAsync("abuse", "傻瓜");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads"), WordRule("abuse", "abuse", strike: false, actions: [new { type = "delete" }]) }, ladder = MuteLadder });
        await ws.Client.IngestAsync(
            Message(channel, "a", "u1", Day1, "加微信"), Message(channel, "b", "u1", Day1.AddDays(1), "加微信"),
            Message(channel, "c", "u2", Day1, "傻瓜", group: "g-2"));
        await app.Host.DrainAsync();
        var (g2, u1) = (await ws.GroupIdAsync("g-2"), await MemberAsync(ws, "u1"));

        async Task<string[]> Ids(string query) =>
            (await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/decisions?{query}", Infrastructure.Api.Json))
                .GetProperty("items").EnumerateArray().Select(d => d.GetProperty("externalEventId").GetString()!).Order().ToArray();

        Assert.Equal(["c"], await Ids($"groupId={g2}"));
        Assert.Equal(["a", "b"], await Ids($"memberId={u1}"));
        Assert.Equal(["c"], await Ids("rule=abuse"));
        Assert.Equal(["b"], await Ids("action=ban"));
        Assert.Equal(["a", "c"], await Ids($"to={Uri.EscapeDataString(Day1.AddHours(1).ToString("O"))}"));
    }

    private static async Task<Guid> MemberAsync(TestWorkspace ws, string externalUserId)
    {
        await using var db = ws.OpenDb();
        return await db.MemberIdentities.Where(i => i.ExternalUserId == externalUserId).Select(i => i.MemberId).SingleAsync();
    }
}
