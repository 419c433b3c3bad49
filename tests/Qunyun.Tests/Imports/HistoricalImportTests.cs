using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Bot;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Imports;

/// <summary>An imported chat history is recorded like live traffic, but nothing is done about it on the platform.</summary>
public sealed class HistoricalImportTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Import_IntoGroupWithFaqRulesAndWelcome_RecordsEverythingAndQueuesNoAction()
    {
        var world = await OperatedGroupAsync("history-import");

        var report = await ImportAsync(world, app.Clock.GetUtcNow().AddDays(-120));
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var sentByWorker = await world.RunWorkerAsync();

        Assert.Equal((3, 0), (report.GetProperty("accepted").GetInt32(), report.GetProperty("rejected").GetInt32()));
        Assert.Equal(0, sentByWorker);
        await using var db = world.Workspace.OpenDb();
        Assert.Empty(await db.Outbox.Select(o => o.IdempotencyKey).ToListAsync());
        var newcomer = await db.MemberIdentities.Where(i => i.ExternalUserId == "5001").Select(i => i.MemberId).SingleAsync();
        Assert.True(await db.Memberships.AnyAsync(m => m.MemberId == newcomer && m.GroupId == world.Group && m.LeftAt == null));
        Assert.Equal(["member_joined", "message", "message"],
            await db.Events.Where(e => e.Historical).OrderBy(e => e.OccurredAt).Select(e => e.Kind).ToListAsync());
        var decision = await db.ModerationDecisions.SingleAsync();
        Assert.Equal(($"{BotWorld.ExternalGroup}:103", "", (int?)null, "rule:ads"), (decision.ExternalEventId, decision.Actions, decision.Strike, decision.Actor));
        Assert.Equal(0, await db.ModerationStrikes.CountAsync());
        Assert.Equal(1, await db.AutoReplyHits.CountAsync());
        Assert.Equal(0, await db.PendingWelcomes.CountAsync());
        Assert.Null((await db.IntroductionWatches.SingleAsync(w => w.MemberId == newcomer)).RemindAt);
    }

    [Fact]
    public async Task LiveQuestion_RightAfterAnImport_IsAnswered()
    {
        var world = await OperatedGroupAsync("history-then-live");
        await ImportAsync(world, app.Clock.GetUtcNow().AddDays(-120));
        await app.DrainAsync();

        await world.SayAsync("5001", "发票还是不会开");

        Assert.Equal(["发票在小程序里申请"], await world.TextsAsync());
        await using var db = world.Workspace.OpenDb();
        var live = await db.Events.Where(e => e.ExternalUserId == "5001" && !e.Historical).Select(e => e.Id).SingleAsync();
        Assert.Equal(live, (await db.Outbox.SingleAsync()).EventId);
    }

    [Fact]
    public async Task Import_StoredAsPendingFirst_StillQueuesNoAction()
    {
        var world = await OperatedGroupAsync("history-pending");
        world.Workspace.HoldInPending();

        await ImportAsync(world, app.Clock.GetUtcNow().AddDays(-120));
        // The background worker may take the pending events before this drain does; the outcome is what counts.
        await app.DrainAsync();

        await using var db = world.Workspace.OpenDb();
        Assert.Equal(3, await db.Events.CountAsync(e => e.Historical && e.MemberId != null));
        Assert.Equal(1, await db.ModerationDecisions.CountAsync());
        Assert.Empty(await db.Outbox.Select(o => o.IdempotencyKey).ToListAsync());
    }

    /// <summary>A group with everything that speaks on: welcome, private welcome, introduction reminder, an FAQ and a rule.</summary>
    private async Task<BotWorld> OperatedGroupAsync(string slug)
    {
        var world = await BotWorld.CreateAsync(app, slug);
        await world.ConfigureAsync(new
        {
            welcomeEnabled = true,
            welcomeBatchSeconds = 60,
            privateWelcomeEnabled = true,
            introductionEnabled = true,
            introductionReminderHours = 12,
        });
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies",
            new { name = "invoice", mode = "Contains", pattern = "发票", priority = 0, answerZh = "发票在小程序里申请" });
        await world.Workspace.Client.CreateWordListAsync("ads", "加微信");
        await world.Workspace.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads") }, ladder = StrikeLadder });
        return world;
    }

    /// <summary>An export of the world's group (its chat id is the group's external id) made of a join, an FAQ question and an ad.</summary>
    private async Task<JsonElement> ImportAsync(BotWorld world, DateTimeOffset at)
    {
        string Unix(int minutes) => at.AddMinutes(minutes).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var export = JsonSerializer.Serialize(new
        {
            name = world.GroupName,
            type = "private_supergroup",
            id = BotWorld.ExternalGroup,
            messages = new object[]
            {
                new { id = 101, type = "service", date_unixtime = Unix(0), actor = "阿青", actor_id = "user5001", action = "join_group_by_link", text = "" },
                new { id = 102, type = "message", date_unixtime = Unix(1), from = "阿青", from_id = "user5001", text = "请问怎么开发票？" },
                new { id = 103, type = "message", date_unixtime = Unix(2), from = "小刘", from_id = "user5002", text = "加微信领红包" },
            },
        });
        var response = await world.Workspace.Client.PostAsync($"/api/v1/imports/telegram?channelId={world.Channel}",
            new StringContent(export, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
