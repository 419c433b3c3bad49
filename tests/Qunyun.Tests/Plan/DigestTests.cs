using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Moderation;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;

namespace Qunyun.Tests.Plan;

/// <summary>Daily highlights and rule reminders on a fixture day (2026-11-23 in Asia/Shanghai).</summary>
public sealed class DigestTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero); // 09:00 local

    [Fact]
    public async Task Digest_PicksRepliedReactedAndStaffPicked_NeverModerated_AndPostsAt21()
    {
        await using var own = new OwnHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("digest");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "读书会", externalId: "g-book");
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "q", "g-book", "u1", Morning, "有人读过《人类简史》吗？值得一读吗", name: "小林"),
            Infrastructure.Events.Message(channel, "r1", "g-book", "u2", Morning.AddMinutes(1), "读过，非常推荐", replyTo: "q"),
            Infrastructure.Events.Message(channel, "r2", "g-book", "u3", Morning.AddMinutes(2), "同推荐", replyTo: "q"),
            Infrastructure.Events.Message(channel, "tip", "g-book", "u4", Morning.AddMinutes(3), "我整理了一份书单放在群文件里了", name: "阿强"),
            Infrastructure.Events.Message(channel, "ad", "g-book", "u5", Morning.AddMinutes(4), "加微信领取免费电子书资源包", name: "广告"),
            Infrastructure.Events.Message(channel, "ok", "g-book", "u6", Morning.AddMinutes(5), "好的"),
            Infrastructure.Events.Message(channel, "yesterday", "g-book", "u1", Morning.AddDays(-1), "昨天的热门话题讨论一下"),
            Infrastructure.Events.Of("reaction", channel, "x1", "g-book", "u2", Morning.AddMinutes(6), new { targetExternalEventId = "ad", emoji = "👍" }, "reaction"),
            Infrastructure.Events.Of("reaction", channel, "x2", "g-book", "u3", Morning.AddMinutes(7), new { targetExternalEventId = "q", emoji = "👍" }, "reaction"));
        await app.DrainAsync();
        await using var db = ws.OpenDb();
        var ids = await db.Events.ToDictionaryAsync(e => e.ExternalEventId, e => e.Id);
        var member = await db.Events.Where(e => e.ExternalEventId == "ad").Select(e => e.MemberId!.Value).SingleAsync();
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Id = Guid.CreateVersion7(),
            EventId = ids["ad"],
            ChannelId = channel,
            GroupId = group,
            MemberId = member,
            ExternalUserId = "u5",
            Actions = "delete",
            Actor = "rule:ads",
        });
        await db.SaveChangesAsync();

        var picked = await ws.Client.PutAsync($"/api/v1/digest/picks/{ids["tip"]}", null);
        var notAMessage = await ws.Client.PutAsync($"/api/v1/digest/picks/{ids["x1"]}", null);
        var digest = await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/digest/groups/{group}?date=2026-11-23");
        var highlights = digest.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("highlight").GetBoolean())
            .Select(m => m.GetProperty("eventId").GetInt64()).ToList();

        Assert.Equal(HttpStatusCode.NoContent, picked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAMessage.StatusCode);
        Assert.Equal([ids["q"], ids["tip"]], highlights.Order());
        Assert.StartsWith("【读书会 · 2026-11-23 群精华】\n1. 阿强：我整理了一份书单", digest.GetProperty("text").GetString());

        await ws.Client.PutAsJsonAsync($"/api/v1/digest/groups/{group}/settings", new { postEnabled = true });
        await app.StepPlanAsync();
        var beforeNine = await db.Outbox.CountAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 0, 30, TimeSpan.Zero));
        await app.StepPlanAsync();
        await app.StepPlanAsync();

        Assert.Equal(0, beforeNine);
        var posted = await db.Outbox.SingleAsync();
        Assert.Equal($"digest:{group}:2026-11-23", posted.IdempotencyKey);
        Assert.Contains("小林：有人读过《人类简史》吗", PlanSteps.Payload(posted.Payload).GetProperty("text").GetString());
    }

    [Fact]
    public async Task RuleReminder_BySchedule_AndByGrowth()
    {
        await using var own = new OwnHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("reminders");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "新手群", externalId: "g-new");
        await ws.Client.PublishDefaultAsync(new { rulesText = "1. 不发广告\n2. 友善交流" });
        var invalid = await ws.Client.PutAsJsonAsync($"/api/v1/plan/rule-reminders/{group}", new { days = new[] { 9 }, time = "18:00" });
        var saved = await ws.Client.PutAsJsonAsync($"/api/v1/plan/rule-reminders/{group}", new { days = new[] { 1 }, time = "18:00", growthThreshold = 3 });
        await using var db = ws.OpenDb();

        var early = await app.StepPlanAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)); // Monday 18:00 local
        var scheduled = await app.StepPlanAsync();
        var again = await app.StepPlanAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ws.Client.IngestAsync(Enumerable.Range(1, 3)
            .Select(i => Infrastructure.Events.Of("member_joined", channel, $"j{i}", "g-new", $"new-{i}", app.Clock.GetUtcNow().AddMinutes(-i)))
            .ToArray());
        await app.DrainAsync();
        var grown = await app.StepPlanAsync();
        var afterGrowth = await app.StepPlanAsync();

        Assert.Equal(["days"], await invalid.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal((0, 1, 0, 1, 0), (early.RuleReminders, scheduled.RuleReminders, again.RuleReminders, grown.RuleReminders, afterGrowth.RuleReminders));
        var texts = (await db.Outbox.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync()).Select(o => PlanSteps.Payload(o.Payload).GetProperty("text").GetString()!).ToList();
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.Contains("1. 不发广告", t));
        Assert.StartsWith("【群规提醒】欢迎 3 位新朋友", texts[1]);
    }
}
