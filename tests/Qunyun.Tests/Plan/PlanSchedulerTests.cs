using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Plan;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Plan;

/// <summary>The durable content plan against a real database, with the fake clock (it starts 2026-11-23 09:30 UTC, a
/// Monday, 17:30 in the workspace's zone Asia/Shanghai).</summary>
public sealed class PlanSchedulerTests(PlanApp fixture) : IClassFixture<PlanApp>
{
    private QunyunApp App => fixture.Host;

    [Fact]
    public async Task Weekly_FiresAtLocalTime_IntoTheOutbox_Once()
    {
        await using var own = new OwnHost(); // its own clock, moved by this test alone
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("plan-weekly");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "产品交流群", externalId: "g-weekly");
        var item = await ws.Client.CreateContentAsync();
        var entry = await ws.Client.CreateEntryAsync(new { title = "科普", contentItemId = item, groupIds = new[] { group }, schedule = "Weekly", days = new[] { 1, 3 }, time = "18:00" });
        await using var db = ws.OpenDb();
        var due = DateTime.Parse("2026-11-23T10:00:00Z").ToUniversalTime();

        await app.StepPlanAsync();
        var beforeDue = await db.Outbox.CountAsync();
        app.Clock.SetUtcNow(due.AddSeconds(5));
        await app.StepPlanAsync();
        await app.StepPlanAsync();

        var message = await db.Outbox.SingleAsync();
        var occurrence = await db.PlanOccurrences.SingleAsync(o => o.DueAt == due);
        Assert.Equal(0, beforeDue);
        Assert.Equal(PlanOccurrence.KeyOf(entry, group, due), message.IdempotencyKey);
        Assert.Equal($"plan:{entry}:{group}:2026-11-23T10:00:00.0000000Z", message.IdempotencyKey);
        Assert.Equal("send_text", message.Action);
        var payload = PlanSteps.Payload(message.Payload);
        Assert.Equal("g-weekly", payload.GetProperty("externalGroupId").GetString());
        Assert.StartsWith("【什么是私域流量】", payload.GetProperty("text").GetString());
        Assert.Equal(OccurrenceStatus.Sent, occurrence.Status);

        // The next occurrence is Wednesday 18:00 local, already materialised within the horizon.
        Assert.True(await db.PlanOccurrences.AnyAsync(o => o.PlanEntryId == entry && o.DueAt == DateTime.Parse("2026-11-25T10:00:00Z").ToUniversalTime()));
    }

    [Fact]
    public async Task QuietHours_DeferThePostToTheirEnd()
    {
        var ws = await App.CreateWorkspaceAsync("plan-quiet");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "夜猫子群");
        var entry = await ws.Client.CreateEntryAsync(new
        {
            title = "晚安",
            text = "晚安，明天见",
            groupIds = new[] { group },
            schedule = "Cron",
            cron = "30 23 * * *",
            quietStart = "22:00",
            quietEnd = "08:00",
        });

        var calendar = await ws.Client.GetFromJsonAsync<List<CalendarItem>>("/api/v1/plan/calendar?from=2026-11-23T00:00:00Z&to=2026-11-26T00:00:00Z", Infrastructure.Api.Json);

        Assert.NotNull(calendar);
        Assert.All(calendar, i => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(i.LocalDueAt)));
        Assert.Equal([24, 25], calendar.Select(i => i.LocalDueAt.Day));
        Assert.All(calendar, i => Assert.Equal(entry, i.EntryId));
    }

    [Fact]
    public async Task Restart_AfterDowntime_SendsTheLateOne_MissesTheTooLate_NeverTwice()
    {
        await using var own = new OwnHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("plan-restart");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "早报群");
        var entry = await ws.Client.CreateEntryAsync(new { title = "晚报", text = "【晚报】今天辛苦了", groupIds = new[] { group }, schedule = "Weekly", days = Enumerable.Range(0, 7), time = "18:00" });
        await app.StepPlanAsync(); // materialises today's and tomorrow's 18:00

        // The first host goes down before 18:00. Two days later a new host on the same database starts at 18:10 local:
        // the day-before-yesterday and yesterday are too late, today's is 10 minutes late (the limit is 30).
        var restarted = PlanApp.Configure(new QunyunApp(app.Database));
        await using (restarted)
        {
            restarted.Clock.SetUtcNow(DateTimeOffset.Parse("2026-11-25T10:10:00Z"));
            var first = await restarted.StepPlanAsync();
            var second = await restarted.StepPlanAsync();

            // The old host comes back too (two hosts, one database): nothing goes out twice.
            app.Clock.SetUtcNow(DateTimeOffset.Parse("2026-11-25T10:10:00Z"));
            var old = await app.StepPlanAsync();

            await using var db = ws.OpenDb();
            var occurrences = await db.PlanOccurrences.Where(o => o.PlanEntryId == entry).OrderBy(o => o.DueAt).ToListAsync();
            var sent = await db.Outbox.Where(o => o.GroupId == group).ToListAsync();
            Assert.Equal((1, 2), (first.Sent, first.Missed));
            Assert.Equal((0, 0), (second.Sent, second.Missed));
            Assert.Equal(0, old.Sent);
            Assert.Equal(
                [OccurrenceStatus.Missed, OccurrenceStatus.Missed, OccurrenceStatus.Sent, OccurrenceStatus.Pending, OccurrenceStatus.Pending],
                occurrences.Select(o => o.Status));
            Assert.Equal(PlanOccurrence.KeyOf(entry, group, DateTime.Parse("2026-11-25T10:00:00Z").ToUniversalTime()), Assert.Single(sent).IdempotencyKey);
        }
    }

    [Fact]
    public async Task Validation_NamesTheField()
    {
        var ws = await App.CreateWorkspaceAsync("plan-validation");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "G");
        var item = await ws.Client.CreateContentAsync();

        async Task<string[]> FieldsAsync(object body) => await (await ws.Client.PostAsJsonAsync("/api/v1/plan/entries", body, Infrastructure.Api.Json)).ValidationFieldsAsync();

        Assert.Equal(["cron"], await FieldsAsync(new { title = "x", text = "t", groupIds = new[] { group }, schedule = "Cron", cron = "every day at 8" }));
        Assert.Equal(["cron"], await FieldsAsync(new { title = "x", text = "t", groupIds = new[] { group }, schedule = "Cron", cron = "0 0 30 2 *" }));
        Assert.Equal(["onceAt"], await FieldsAsync(new { title = "x", text = "t", groupIds = new[] { group }, schedule = "Once", onceAt = "2026-11-23T08:00:00" }));
        Assert.Equal(["days"], await FieldsAsync(new { title = "x", text = "t", groupIds = new[] { group }, schedule = "Weekly", time = "08:00" }));
        Assert.Equal(["contentItemId"], await FieldsAsync(new { title = "x", text = "t", contentItemId = item, groupIds = new[] { group }, schedule = "Weekly", days = new[] { 1 }, time = "08:00" }));
        Assert.Equal(["groupIds"], await FieldsAsync(new { title = "x", text = "t", groupIds = new[] { Guid.NewGuid() }, schedule = "Weekly", days = new[] { 1 }, time = "08:00" }));
        Assert.Equal(["title"], await FieldsAsync(new { title = " ", text = "t", groupIds = new[] { group }, schedule = "Once", onceAt = "2026-11-24T08:00:00" }));
        Assert.Equal(["category", "title"], (await (await ws.Client.PostAsJsonAsync("/api/v1/content", new { body = "b" })).ValidationFieldsAsync()).Order());
    }

    [Fact]
    public async Task Segment_TargetsTheGroupsItsMembersAreIn_AndRescheduleMovesAnOccurrence()
    {
        var ws = await App.CreateWorkspaceAsync("plan-segment");
        var channel = await ws.Client.CreateChannelAsync();
        var wine = await ws.Client.CreateGroupAsync(channel, "葡萄酒群");
        await ws.Client.CreateGroupAsync(channel, "无关群");
        var member = await ws.Client.CreateMemberAsync("品酒师");
        var tag = await ws.Client.CreateTagAsync("wine");
        await ws.Client.PutAsJsonAsync($"/api/v1/groups/{wine}/members/{member}", new { role = "Member" }, Infrastructure.Api.Json);
        await ws.Client.PutAsync($"/api/v1/members/{member}/tags/{tag}", null);
        var segment = (await ws.Client.PostOkAsync("/api/v1/segments", new { name = "wine", definition = new { type = "hasTag", tagId = tag } })).GetProperty("id").GetGuid();
        await ws.Client.CreateEntryAsync(new { title = "新品", text = "新酒到了", segmentId = segment, schedule = "Once", onceAt = "2026-11-24T20:00:00" });

        await App.StepPlanAsync();
        await using var db = ws.OpenDb();
        var occurrence = await db.PlanOccurrences.SingleAsync();
        var past = await ws.Client.PutAsJsonAsync($"/api/v1/plan/occurrences/{occurrence.Id}", new { at = "2026-11-20T20:00:00" }, Infrastructure.Api.Json);
        var moved = await ws.Client.PutAsJsonAsync($"/api/v1/plan/occurrences/{occurrence.Id}", new { at = "2026-11-25T12:00:00" }, Infrastructure.Api.Json);
        await db.Entry(occurrence).ReloadAsync();

        Assert.Equal(wine, occurrence.GroupId);
        Assert.Equal(["at"], await past.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(DateTime.Parse("2026-11-25T04:00:00Z").ToUniversalTime(), occurrence.DueAt);
    }
}
