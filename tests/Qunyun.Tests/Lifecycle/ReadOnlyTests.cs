using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Groups;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;
using static Qunyun.Tests.Lifecycle.LifecycleSteps;

namespace Qunyun.Tests.Lifecycle;

/// <summary>After its dissolution a group is read-only in Qunyun: what still arrives is stored, nothing answers or moderates it.</summary>
public sealed class ReadOnlyTests
{
    [Fact]
    public async Task DissolvedGroup_StoresMessages_ButTheBotAndModerationStaySilent()
    {
        await using var own = new LifecycleHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("lifecycle-read-only");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { ModerationSteps.WordRule("ads", "ads", actions: [new { type = "delete" }]) } });
        var dissolved = await ws.Client.CreateGroupAsync(channel, "已结束的活动", GroupType.ShortTerm, "g-over");
        var active = await ws.Client.CreateGroupAsync(channel, "对照群", GroupType.LongTerm, "g-control");
        app.Clock.SetUtcNow(DissolveAt);
        await app.StepLifecycleAsync();
        await using var db = ws.OpenDb();
        var queuedBefore = await db.Outbox.CountAsync(o => o.GroupId == dissolved);

        var at = app.Clock.GetUtcNow();
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "over-1", "g-over", "late", at, "签到"),
            Infrastructure.Events.Message(channel, "over-2", "g-over", "spammer", at.AddSeconds(1), "加微信领福利"),
            Infrastructure.Events.Message(channel, "control-1", "g-control", "late", at, "签到"),
            Infrastructure.Events.Message(channel, "control-2", "g-control", "spammer", at.AddSeconds(1), "加微信领福利"));

        Assert.Equal(2, await db.Events.CountAsync(e => e.GroupId == dissolved && e.Kind == "message"));
        Assert.Equal(queuedBefore, await db.Outbox.CountAsync(o => o.GroupId == dissolved));
        Assert.False(await db.ModerationDecisions.AnyAsync(d => d.GroupId == dissolved));
        Assert.True(await db.Outbox.CountAsync(o => o.GroupId == active) >= 2); // the same messages in an active group: a check-in reply and a delete
        Assert.True(await db.ModerationDecisions.AnyAsync(d => d.GroupId == active));
    }
}
