using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Features.Lifecycle;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Lifecycle.LifecycleSteps;

namespace Qunyun.Tests.Lifecycle;

/// <summary>
/// A short-term group's end against a real database and the fake clock (it starts 2026-11-23 09:30 UTC; the test
/// groups end 2026-12-01, so the farewell is due 12-03 and the dissolution 12-04, both 10:00 in Asia/Shanghai).
/// </summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Farewell_ThenDissolution_AtTheirTimes_Once_AcrossTwoHosts()
    {
        await using var own = new LifecycleHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("lifecycle-clock");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "双十一品鉴会", GroupType.ShortTerm, "g-tasting");
        await ws.Client.IngestAsync(Join(channel, "j1", "g-tasting", "u1", app.Clock.GetUtcNow()), Join(channel, "j2", "g-tasting", "u2", app.Clock.GetUtcNow()));
        await using var db = ws.OpenDb();
        int Rows(string prefix) => db.Outbox.AsNoTracking().Count(o => o.GroupId == group && o.IdempotencyKey.StartsWith(prefix));

        var first = await app.StepLifecycleAsync();
        var countdown = await ws.Client.GetFromJsonAsync<LifecycleResponse>($"/api/v1/groups/{group}/lifecycle", Infrastructure.Api.Json);
        app.Clock.SetUtcNow(FarewellAt.AddMinutes(-1));
        await app.StepLifecycleAsync();
        var beforeFarewell = Rows("lifecycle:");
        app.Clock.SetUtcNow(FarewellAt);
        var farewell = await app.StepLifecycleAsync();
        await app.StepLifecycleAsync();
        var farewellText = (await db.Outbox.AsNoTracking().SingleAsync(o => o.IdempotencyKey == GroupLifecycle.FarewellKey(group))).Payload;
        app.Clock.SetUtcNow(DissolveAt.AddMinutes(-1));
        await app.StepLifecycleAsync();
        var beforeDissolution = Rows($"lifecycle:{group}:dissolve");
        app.Clock.SetUtcNow(DissolveAt);
        var dissolved = await app.StepLifecycleAsync();
        await using (var second = LifecycleHost.Configure(new QunyunApp(app.Database)))
        {
            second.Clock.SetUtcNow(DissolveAt.AddMinutes(5));
            Assert.Equal(0, (await second.StepLifecycleAsync()).Dissolved);
        }

        Assert.Equal(1, first.Scheduled);
        Assert.Equal((10, 11, LifecycleState.Scheduled), (countdown!.FarewellInDays, countdown.DissolveInDays, countdown.State));
        Assert.Equal((0, 1), (beforeFarewell, farewell.Farewells));
        Assert.Contains("双十一品鉴会", farewellText);
        Assert.Contains("2026-12-04", farewellText);
        Assert.Equal((0, 1), (beforeDissolution, dissolved.Dissolved));
        var actions = await db.Outbox.AsNoTracking().Where(o => o.GroupId == group).OrderBy(o => o.Sequence).Select(o => o.Action).ToListAsync();
        Assert.Equal(["send_text", "kick", "kick", "leave"], actions);
        OutboxAssert.ReadBack(await db.Outbox.AsNoTracking().Where(o => o.GroupId == group).ToListAsync());
        Assert.Equal(GroupStatus.Dissolved, (await db.Groups.AsNoTracking().SingleAsync(g => g.Id == group)).Status);
        var lifecycle = await db.GroupLifecycles.AsNoTracking().SingleAsync(l => l.GroupId == group);
        Assert.Equal((LifecycleState.Dissolved, DissolveAt.UtcDateTime), (lifecycle.State, lifecycle.DissolvedAt));
    }

    [Fact]
    public async Task Dissolution_MembersKeepATagNamingTheActivity()
    {
        await using var own = new LifecycleHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("lifecycle-tag");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "周末徒步活动", GroupType.ShortTerm, "g-hike");
        await ws.Client.IngestAsync(Join(channel, "j1", "g-hike", "hiker-1", app.Clock.GetUtcNow()), Join(channel, "j2", "g-hike", "hiker-2", app.Clock.GetUtcNow()),
            Join(channel, "j3", "g-elsewhere", "stranger", app.Clock.GetUtcNow()));

        app.Clock.SetUtcNow(DissolveAt);
        await app.StepLifecycleAsync();

        await using var db = ws.OpenDb();
        var tag = await db.Tags.AsNoTracking().SingleAsync(t => t.Name == "周末徒步活动");
        var holders = await db.MemberTags.AsNoTracking().Where(t => t.TagId == tag.Id)
            .Select(t => db.MemberIdentities.Where(i => i.MemberId == t.MemberId).Select(i => i.ExternalUserId).First()).OrderBy(u => u).ToListAsync();
        Assert.Equal(["hiker-1", "hiker-2"], holders);
        Assert.Equal(Engine.Tagging.TagKind.Manual, tag.Kind);
        Assert.Equal(2, await db.TagChanges.CountAsync(c => c.TagId == tag.Id && c.Cause == Features.Tags.TagChangeCause.Activity));
        var response = await ws.Client.GetFromJsonAsync<LifecycleResponse>($"/api/v1/groups/{group}/lifecycle", Infrastructure.Api.Json);
        Assert.Equal(tag.Id, response!.ActivityTagId);
    }

    [Fact]
    public async Task Cancel_BeforeItStarts_StopsBoth_AndIsRefusedOnceDissolved()
    {
        await using var own = new LifecycleHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("lifecycle-cancel");
        var channel = await ws.Client.CreateChannelAsync();
        var kept = await ws.Client.CreateGroupAsync(channel, "留下来的群", GroupType.ShortTerm, "g-kept");
        var ended = await ws.Client.CreateGroupAsync(channel, "结束的群", GroupType.ShortTerm, "g-ended");
        await app.StepLifecycleAsync();

        var cancel = await ws.Client.PostAsync($"/api/v1/groups/{kept}/lifecycle/cancel", null);
        app.Clock.SetUtcNow(DissolveAt.AddDays(1));
        var report = await app.StepLifecycleAsync();
        var late = await ws.Client.PostAsync($"/api/v1/groups/{ended}/lifecycle/cancel", null);
        var latePostpone = await ws.Client.PostAsJsonAsync($"/api/v1/groups/{ended}/lifecycle/postpone", new { dissolveOn = "2026-12-20" });

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(LifecycleState.Cancelled, (await cancel.Content.ReadFromJsonAsync<LifecycleResponse>(Infrastructure.Api.Json))!.State);
        Assert.Equal((1, 1), (report.Farewells, report.Dissolved));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, latePostpone.StatusCode);
        await using var db = ws.OpenDb();
        Assert.False(await db.Outbox.AnyAsync(o => o.GroupId == kept));
        Assert.Equal(GroupStatus.Active, (await db.Groups.AsNoTracking().SingleAsync(g => g.Id == kept)).Status);
        Assert.Equal(GroupStatus.Dissolved, (await db.Groups.AsNoTracking().SingleAsync(g => g.Id == ended)).Status);
    }

    [Fact]
    public async Task Postpone_MovesBothMoments_AndReschedulesACancelledOne()
    {
        await using var own = new LifecycleHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("lifecycle-postpone");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "延期的群", GroupType.ShortTerm, "g-later");
        await ws.Client.PostAsync($"/api/v1/groups/{group}/lifecycle/cancel", null);

        var postponed = await ws.Client.PostAsJsonAsync($"/api/v1/groups/{group}/lifecycle/postpone", new { dissolveOn = "2026-12-10" });
        app.Clock.SetUtcNow(DissolveAt.AddDays(1));
        var early = await app.StepLifecycleAsync();
        app.Clock.SetUtcNow(DateTimeOffset.Parse("2026-12-09T02:00:00Z"));
        var farewell = await app.StepLifecycleAsync();
        app.Clock.SetUtcNow(DateTimeOffset.Parse("2026-12-10T02:00:00Z"));
        var dissolution = await app.StepLifecycleAsync();

        var body = await postponed.Content.ReadFromJsonAsync<LifecycleResponse>(Infrastructure.Api.Json);
        Assert.Equal((LifecycleState.Scheduled, true), (body!.State, body.Postponed));
        Assert.Equal(DateTime.Parse("2026-12-10T02:00:00Z").ToUniversalTime(), body.DissolveDueAt);
        Assert.Equal((0, 0), (early.Farewells, early.Dissolved));
        Assert.Equal((1, 0), (farewell.Farewells, farewell.Dissolved));
        Assert.Equal(1, dissolution.Dissolved);
    }

    [Fact]
    public async Task Validation_NamesTheField()
    {
        await using var own = new LifecycleHost();
        var ws = await own.App.CreateWorkspaceAsync("lifecycle-validation");
        var channel = await ws.Client.CreateChannelAsync();
        var longTerm = await ws.Client.CreateGroupAsync(channel, "长期群");
        var shortTerm = await ws.Client.CreateGroupAsync(channel, "短期群", GroupType.ShortTerm);
        var inverted = await ws.Client.CreateGroupAsync(channel, "日期颠倒的群", GroupType.ShortTerm);
        await using (var db = ws.OpenDb())
        {
            // The groups API refuses such dates; rows written another way (an import, an older version) may still hold them.
            await db.Groups.Where(g => g.Id == inverted).ExecuteUpdateAsync(s => s.SetProperty(g => g.StartsOn, new DateOnly(2026, 12, 5)));
        }

        Assert.Equal(["Type"], await (await ws.Client.GetAsync($"/api/v1/groups/{longTerm}/lifecycle")).ValidationFieldsAsync());
        Assert.Equal(["Type"], await (await ws.Client.PostAsync($"/api/v1/groups/{longTerm}/lifecycle/cancel", null)).ValidationFieldsAsync());
        Assert.Equal(["EndsOn"], await (await ws.Client.GetAsync($"/api/v1/groups/{inverted}/lifecycle")).ValidationFieldsAsync());
        Assert.Equal(["DissolveOn"], await (await ws.Client.PostAsJsonAsync($"/api/v1/groups/{shortTerm}/lifecycle/postpone", new { dissolveOn = "2026-11-20" })).ValidationFieldsAsync());
        Assert.Equal(["DissolveOn"], await (await ws.Client.PostAsJsonAsync($"/api/v1/groups/{shortTerm}/lifecycle/postpone", new { })).ValidationFieldsAsync());
        Assert.Equal(["Kind"], await (await ws.Client.PutAsJsonAsync($"/api/v1/groups/{shortTerm}/lifecycle/tasks/DismissInWeComClient", new { done = true })).ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.GetAsync($"/api/v1/groups/{Guid.NewGuid()}/lifecycle")).StatusCode);
    }

    [Fact]
    public async Task WeCom_NoPlatformActions_TheChecklistSaysWhatStaffDo()
    {
        await using var own = new LifecycleHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("lifecycle-wecom");
        var channel = await ws.Client.CreateChannelAsync("企业微信", ChannelKind.WeCom);
        var group = await ws.Client.CreateGroupAsync(channel, "客户答谢会", GroupType.ShortTerm, "wr-thanks");
        await ws.Client.IngestAsync(Join(channel, "j1", "wr-thanks", "wm-1", app.Clock.GetUtcNow()));

        var marked = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/lifecycle/tasks/ExportMembers", new { done = true });
        app.Clock.SetUtcNow(DissolveAt);
        await app.StepLifecycleAsync();
        var after = await ws.Client.GetFromJsonAsync<LifecycleResponse>($"/api/v1/groups/{group}/lifecycle", Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        await using var db = ws.OpenDb();
        Assert.Equal(["send_text"], await db.Outbox.AsNoTracking().Where(o => o.GroupId == group).Select(o => o.Action).ToListAsync());
        Assert.Equal((false, false, LifecycleState.Dissolved), (after!.RemovesMembers, after.Leaves, after.State));
        Assert.Equal(
            [(Engine.Lifecycle.LifecycleTaskKind.ExportMembers, true), (Engine.Lifecycle.LifecycleTaskKind.DismissInWeComClient, false)],
            after.Tasks.Select(t => (t.Kind, t.Done)));
        Assert.NotNull(after.Tasks[0].DoneBy);
    }
}
