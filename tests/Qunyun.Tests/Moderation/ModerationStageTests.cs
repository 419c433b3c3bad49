using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Groups;
using Qunyun.Features.Events;
using Qunyun.Features.Moderation;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Moderation;

public sealed class ModerationStageTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    private async Task<(TestWorkspace Ws, Guid Channel)> AdsWorkspaceAsync(string slug, object? extraRule = null)
    {
        var ws = await app.Host.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信", "兼职刷单", "free crypto");
        object[] rules = extraRule is null ? [WordRule("ads", "ads")] : [WordRule("ads", "ads"), extraRule];
        await ws.Client.PublishDefaultAsync(new { rules, ladder = StrikeLadder, warnings = new Dictionary<string, string> { ["zh-CN"] = "{member}：第 {strikes} 次违规（{rule}）" } });
        return (ws, channel);
    }

    [Fact]
    public async Task StrikeLadder_DeleteWarnThenMuteThenKick_AndExpiredStrikesStartOver()
    {
        var (ws, channel) = await AdsWorkspaceAsync("mod-ladder");

        await ws.Client.IngestAsync(
            Message(channel, "m1", "spammer", Day1, "加微信领红包"),
            Message(channel, "m2", "spammer", Day1.AddHours(1), "兼 职 刷 单，日结"),
            Message(channel, "m3", "spammer", Day1.AddHours(2), "加·微·信 看看"),
            Message(channel, "ok", "spammer", Day1.AddHours(3), "大家早上好"));
        await app.Host.DrainAsync();
        await ws.Client.IngestAsync(Message(channel, "m4", "spammer", Day1.AddDays(31), "free crypto here"));
        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        var decisions = await db.ModerationDecisions.OrderBy(d => d.OccurredAt).ToListAsync();
        Assert.Equal(["m1", "m2", "m3", "m4"], decisions.Select(d => d.ExternalEventId));
        Assert.Equal(["delete,warn", "delete,mute(60)", "delete,kick", "delete,warn"], decisions.Select(d => d.Actions));
        Assert.Equal([1, 2, 3, 1], decisions.Select(d => d.Strike ?? 0));
        Assert.All(decisions, d => Assert.Equal("rule:ads", d.Actor));
        Assert.Equal(("加·微·信", 0, 5), (decisions[2].Matched, decisions[2].SpanStart, decisions[2].SpanLength));
        Assert.Equal(4, await db.ModerationStrikes.CountAsync());
    }

    [Fact]
    public async Task Outbox_HoldsExactlyTheActionsWithIdempotencyKeys_AndReprocessingAddsNothing()
    {
        var (ws, channel) = await AdsWorkspaceAsync("mod-outbox");
        await ws.Client.IngestAsync(Message(channel, "m1", "u-9", Day1, "加微信领红包"), Message(channel, "m2", "u-9", Day1.AddMinutes(5), "还有兼职刷单"));
        await app.Host.DrainAsync();
        var (e1, e2) = (await ws.EventIdAsync("m1"), await ws.EventIdAsync("m2"));

        await using (var db = ws.OpenDb())
        {
            // As after a replay: both events are pending again.
            db.PendingEvents.AddRange(new PendingEvent { EventId = e1 }, new PendingEvent { EventId = e2 });
            await db.SaveChangesAsync();
        }

        await app.Host.DrainAsync();

        var outbox = await ws.OutboxAsync();
        Assert.Equal(
            [($"mod:{e1}:delete", "delete_message"), ($"mod:{e1}:warn", "send_text"), ($"mod:{e2}:delete", "delete_message"), ($"mod:{e2}:mute", "mute")],
            outbox.Select(o => (o.IdempotencyKey, o.Action)));
        var warn = JsonDocument.Parse(outbox[1].Payload).RootElement;
        Assert.Equal("u-9：第 1 次违规（ads）", warn.GetProperty("text").GetString());
        Assert.Equal("m1", warn.GetProperty("replyToExternalEventId").GetString());
        var mute = JsonDocument.Parse(outbox[3].Payload).RootElement;
        Assert.Equal(("g-1", "u-9", 60), (mute.GetProperty("externalGroupId").GetString(), mute.GetProperty("externalUserId").GetString(), mute.GetProperty("minutes").GetInt32()));
        Assert.Equal(Day1.AddMinutes(65).UtcDateTime, mute.GetProperty("until").GetDateTime().ToUniversalTime());
        await using var check = ws.OpenDb();
        Assert.Equal(2, await check.ModerationDecisions.CountAsync());
        Assert.Equal(0, await check.FailedEvents.CountAsync());
    }

    [Fact]
    public async Task StaffRoles_AreExempt_UnlessTheRuleSaysOtherwise()
    {
        var ws = await app.Host.CreateWorkspaceAsync("mod-staff");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.CreateWordListAsync("abuse", "傻瓜");
        await ws.Client.PublishDefaultAsync(new
        {
            rules = new[] { WordRule("ads", "ads"), WordRule("abuse", "abuse", strike: false, actions: [new { type = "delete" }], exempt: []) },
        });
        await ws.Client.IngestAsync(Message(channel, "hello", "admin-1", Day1, "大家好"));
        await app.Host.DrainAsync();
        await using (var db = ws.OpenDb())
        {
            var membership = await db.Memberships.SingleAsync();
            membership.Role = Engine.Groups.MembershipRole.Admin;
            await db.SaveChangesAsync();
        }

        await ws.Client.IngestAsync(Message(channel, "ad", "admin-1", Day1.AddMinutes(1), "需要的加微信"), Message(channel, "rude", "admin-1", Day1.AddMinutes(2), "傻瓜"));
        await app.Host.DrainAsync();

        await using var check = ws.OpenDb();
        var decision = await check.ModerationDecisions.SingleAsync();
        Assert.Equal(("rude", "abuse", "delete"), (decision.ExternalEventId, decision.RuleKey, decision.Actions));
        Assert.Null(decision.Strike);
    }

    [Fact]
    public async Task CompiledRules_AreBuiltOncePerVersion_NotPerMessage()
    {
        var (ws, channel) = await AdsWorkspaceAsync("mod-compile");
        var rules = app.Host.Services.GetRequiredService<ModerationRules>();
        var before = rules.Compilations;

        for (var batch = 0; batch < 3; batch++)
        {
            await ws.Client.IngestAsync(Enumerable.Range(0, 5).Select(i => Message(channel, $"b{batch}-{i}", $"u{i}", Day1.AddMinutes(batch * 10 + i), "今天天气不错")).ToArray());
            await app.Host.DrainAsync();
        }

        var afterThreeBatches = rules.Compilations;
        await ws.Client.CreateWordListAsync("competitors", "某某咖啡");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads"), WordRule("rivals", "competitors") }, ladder = StrikeLadder });
        await ws.Client.IngestAsync(Message(channel, "rival", "u1", Day1.AddHours(1), "某某咖啡更好喝"), Message(channel, "calm", "u2", Day1.AddHours(1), "是吗"));
        await app.Host.DrainAsync();

        Assert.Equal(before + 1, afterThreeBatches);
        Assert.Equal(before + 2, rules.Compilations);
        await using var db = ws.OpenDb();
        var decision = await db.ModerationDecisions.SingleAsync();
        Assert.Equal(("rivals", "default v2"), (decision.RuleKey, decision.VersionLabel));
    }

    [Fact]
    public async Task Ban_GoesToEveryActiveGroupOnTheMembersChannels()
    {
        var ban = new { key = "scam", detector = "words", list = "scam", actions = new[] { new { type = "delete" }, new { type = "ban" } }, exemptRoles = Array.Empty<string>() };
        var ws = await app.Host.CreateWorkspaceAsync("mod-ban");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("scam", "保本高收益");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { ban } });
        var otherChannel = await ws.Client.CreateChannelAsync("Other bot");
        await ws.Client.IngestAsync(Message(channel, "hi", "u-1", Day1, "你好", group: "g-2"), Message(otherChannel, "x", "u-1", Day1, "你好", group: "g-3"));
        await app.Host.DrainAsync();

        await ws.Client.IngestAsync(Message(channel, "scam", "u-1", Day1.AddMinutes(1), "保本高收益，私聊"));
        await app.Host.DrainAsync();

        var eventId = await ws.EventIdAsync("scam");
        var bans = (await ws.OutboxAsync()).Where(o => o.Action == "ban").ToList();
        var (g1, g2) = (await ws.GroupIdAsync("g-1"), await ws.GroupIdAsync("g-2"));
        Assert.Equal(new[] { g1, g2 }.Order().Select(g => $"mod:{eventId}:ban:{g}"), bans.Select(b => b.IdempotencyKey).Order());
        Assert.Contains(await ws.OutboxAsync(), o => o.IdempotencyKey == $"mod:{eventId}:delete");
    }

    [Fact]
    public async Task Flood_MoreMessagesThanTheThresholdWithinTheWindow_MutesTheMember()
    {
        var flood = new { key = "flood", detector = "flood", threshold = 3, windowSeconds = 10, actions = new[] { new { type = "mute", minutes = 10 } } };
        var (ws, channel) = await AdsWorkspaceAsync("mod-flood", flood);
        await ws.Client.CreateGroupAsync(channel, "g-1", GroupType.ProductFeedback, "g-1"); // standard moderation: thresholds as written

        await ws.Client.IngestAsync(Enumerable.Range(0, 5).Select(i => Message(channel, $"f{i}", "chatty", Day1.AddSeconds(i * 2), $"第{i}条")).ToArray());
        await ws.Client.IngestAsync(Message(channel, "later", "chatty", Day1.AddMinutes(5), "过了一会儿"));
        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        var caught = await db.ModerationDecisions.OrderBy(d => d.OccurredAt).Select(d => new { d.ExternalEventId, d.RuleKey, d.Actions }).ToListAsync();
        Assert.Equal(["f3", "f4"], caught.Select(c => c.ExternalEventId));
        Assert.All(caught, c => Assert.Equal(("flood", "mute(10)"), (c.RuleKey, c.Actions)));
    }

    [Fact]
    public async Task Flood_AfterARestart_CountsTheMessagesStoredBeforeIt()
    {
        var flood = new { key = "flood", detector = "flood", threshold = 3, windowSeconds = 10, actions = new[] { new { type = "mute", minutes = 10 } } };
        var (ws, channel) = await AdsWorkspaceAsync("mod-flood-restart", flood);
        await ws.Client.CreateGroupAsync(channel, "g-1", GroupType.ProductFeedback, "g-1"); // standard moderation: thresholds as written
        await ws.Client.IngestAsync(Message(channel, "quiet", "quiet", Day1, "大家好"));
        await ws.Client.IngestAsync(Enumerable.Range(0, 3).Select(i => Message(channel, $"r{i}", "chatty", Day1.AddSeconds(i * 2), $"第{i}条")).ToArray());
        await app.Host.DrainAsync();

        // A new host on the same database has no detector state: it rebuilds the group's from the stored messages.
        await using var restarted = new QunyunApp(app.Host.Database).With("Pipeline:RunWorker", "false");
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = ws.Client.DefaultRequestHeaders.Authorization;
        await client.IngestAsync(
            Message(channel, "r3", "chatty", Day1.AddSeconds(6), "第3条"),
            Message(channel, "calm", "quiet", Day1.AddSeconds(7), "早"));
        await restarted.DrainAsync();

        await using var db = ws.OpenDb();
        var caught = await db.ModerationDecisions.Select(d => new { d.ExternalEventId, d.RuleKey }).ToListAsync();
        Assert.Equal(("r3", "flood"), (Assert.Single(caught).ExternalEventId, caught[0].RuleKey));
    }

    [Fact]
    public async Task QrRule_ImageThatCannotBeFetched_IsUnreadableAndTheMessageIsProcessed()
    {
        var qr = new { key = "qr", detector = "qr", actions = new[] { new { type = "delete" } } };
        var (ws, channel) = await AdsWorkspaceAsync("mod-qr-unreadable", qr);
        var message = new
        {
            kind = "message",
            channelId = channel,
            externalEventId = "img",
            externalGroupId = "g-1",
            externalUserId = "u-1",
            occurredAt = Day1,
            message = new { text = "看图", attachments = new[] { new { kind = "image", url = "http://127.0.0.1:9/nothing.png" }, new { kind = "photo", url = "ftp://x/y.png" } } },
        };

        await ws.Client.IngestAsync(message);
        var leftPending = await app.Host.DrainAsync();

        Assert.Equal(0, leftPending); // processed with its ingest, not set aside for a retry
        await using var db = ws.OpenDb();
        Assert.Equal(0, await db.ModerationDecisions.CountAsync());
        Assert.Equal(0, await db.FailedEvents.CountAsync());
        Assert.NotNull((await db.Events.SingleAsync()).MemberId);
    }

    [Fact]
    public async Task Publish_WithPostRules_QueuesTheRulesTextForActiveGroups()
    {
        var ws = await app.Host.CreateWorkspaceAsync("mod-post-rules");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "手冲交流群", externalId: "chat-1");

        var published = await ws.Client.PublishDefaultAsync(new { rulesText = "1. 不发广告\n2. 友善交流" }, postRules: true);

        var version = published.GetProperty("ruleSet").GetProperty("currentVersionId").GetGuid();
        var sent = Assert.Single(await ws.OutboxAsync());
        Assert.Equal(("send_text", $"mod:rules:{version}:{group}"), (sent.Action, sent.IdempotencyKey));
        var payload = JsonDocument.Parse(sent.Payload).RootElement;
        Assert.Equal("chat-1", payload.GetProperty("externalGroupId").GetString());
        Assert.Equal("【群规 · 第 1 版】\n1. 不发广告\n2. 友善交流", payload.GetProperty("text").GetString());
        var inForce = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/groups/{group}");
        Assert.Equal("default v1", inForce.GetProperty("label").GetString());
    }
}
