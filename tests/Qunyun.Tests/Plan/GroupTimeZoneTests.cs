using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Plan;

/// <summary>
/// A group may live in another zone than the workspace (Asia/Shanghai): its posts go out at the schedule's local time
/// in its own zone. The fake clock starts Monday 2026-11-23 09:30 UTC.
/// </summary>
public sealed class GroupTimeZoneTests(PlanApp fixture) : IClassFixture<PlanApp>
{
    private QunyunApp App => fixture.Host;

    [Fact]
    public async Task AWeeklyEntry_PostsAtSixInEachGroupsOwnZone()
    {
        var ws = await App.CreateWorkspaceAsync("plan-zones");
        var channel = await ws.Client.CreateChannelAsync();
        var shanghai = await ws.Client.CreateGroupAsync(channel, "上海群");
        var berlin = (await ws.Client.PostOkAsync("/api/v1/groups",
            new { channelId = channel, externalId = "g-berlin", name = "Berlin group", type = "LongTerm", timeZone = "Europe/Berlin" })).GetProperty("id").GetGuid();
        var entry = await ws.Client.CreateEntryAsync(new { title = "周一", text = "周一见", groupIds = new[] { shanghai, berlin }, schedule = "Weekly", days = new[] { 1 }, time = "18:00" });

        await App.StepPlanAsync();

        await using var db = ws.OpenDb();
        var due = await db.PlanOccurrences.Where(o => o.PlanEntryId == entry).ToDictionaryAsync(o => o.GroupId, o => o.DueAt);
        Assert.Equal(DateTime.Parse("2026-11-23T10:00:00Z").ToUniversalTime(), due[shanghai]);
        Assert.Equal(DateTime.Parse("2026-11-23T17:00:00Z").ToUniversalTime(), due[berlin]);
    }

    [Fact]
    public async Task AnUnknownZone_IsRefused_NamingTheField_AndAWindowsIdIsStoredAsIana()
    {
        var ws = await App.CreateWorkspaceAsync("group-zones-check");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "校验群");

        var unknown = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}",
            new { name = "校验群", type = "LongTerm", status = "Active", capacity = 150, timeZone = "Mars/Olympus" });
        var windows = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}",
            new { name = "校验群", type = "LongTerm", status = "Active", capacity = 150, timeZone = "W. Europe Standard Time" });

        Assert.Equal(["TimeZone"], await unknown.ValidationFieldsAsync());
        Assert.Equal("Europe/Berlin", (await windows.ReadJsonAsync()).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task TheDigest_PostsAtNineInTheEvening_OfTheGroupsZone()
    {
        await using var own = new OwnHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("digest-zones");
        var channel = await ws.Client.CreateChannelAsync();
        var berlin = (await ws.Client.PostOkAsync("/api/v1/groups",
            new { channelId = channel, externalId = "g-berlin-digest", name = "Berlin readers", type = "LongTerm", timeZone = "Europe/Berlin" })).GetProperty("id").GetGuid();
        var noon = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero); // 13:00 in Berlin
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "q", "g-berlin-digest", "u1", noon, "Who has read the new translation yet?", name: "Anna"),
            Infrastructure.Events.Message(channel, "r", "g-berlin-digest", "u2", noon.AddMinutes(2), "I have, it is great", replyTo: "q"));
        await app.DrainAsync();
        await ws.Client.PutAsJsonAsync($"/api/v1/digest/groups/{berlin}/settings", new { postEnabled = true });
        await using var db = ws.OpenDb();

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 5, 0, TimeSpan.Zero)); // 21:05 in Shanghai, 14:05 in Berlin
        var shanghaiEvening = await app.StepPlanAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 20, 0, 30, TimeSpan.Zero)); // 21:00 in Berlin
        var berlinEvening = await app.StepPlanAsync();

        Assert.Equal((0, 1), (shanghaiEvening.Digests, berlinEvening.Digests));
        Assert.Equal($"digest:{berlin}:2026-11-23", (await db.Outbox.SingleAsync()).IdempotencyKey);
    }
}
