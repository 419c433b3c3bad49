using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Accounts;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Health;

public sealed class GroupHealthApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task AnswerTimes_FirstAnswerBySomeoneElse_CountsInItsBucket_AcrossBatches()
    {
        var ws = await app.CreateWorkspaceAsync("health-answers");
        var channel = await ws.Client.CreateChannelAsync();
        var asked = app.Clock.GetUtcNow().AddDays(-3);

        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "q-1", "g-a", "asker", asked, "周六几点集合？"),
            Infrastructure.Events.Message(channel, "q-1b", "g-a", "asker", asked.AddMinutes(2), "有人知道吗"));
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "a-1", "g-a", "helper", asked.AddMinutes(10), "九点，地铁口"),
            Infrastructure.Events.Message(channel, "q-2", "g-a", "late", asked.AddMinutes(20), "要带伞吗"),
            Infrastructure.Events.Message(channel, "x-1", "g-a", "asker", asked.AddHours(26), "下周见"));
        await app.DrainAsync();

        await using var db = ws.OpenDb();
        var day = await db.GroupAnswerDays.SingleAsync();
        Assert.Equal(3, day.Questions);
        Assert.Equal((0, 2, 0, 0), (day.Within5Minutes, day.Within30Minutes, day.Within2Hours, day.Within24Hours));
        Assert.Empty(await db.QuestionWaits.ToListAsync());
    }

    [Fact]
    public async Task List_DecayingAndSteadyGroups_LowestScoreFirst_DecayingAtRiskWithInterval()
    {
        var ws = await app.CreateWorkspaceAsync("health-list");
        var channel = await ws.Client.CreateChannelAsync();
        await IngestDaysAsync(ws, channel, "g-steady", 45, _ => 12);
        await IngestDaysAsync(ws, channel, "g-fading", 45, d => (int)Math.Round(30 * Math.Exp(-d / 20.0)));
        var analyst = await app.ClientAsync(ws.Id, Roles.Analyst);

        var page = await (await analyst.GetAsync("/api/v1/health/groups")).ReadJsonAsync();

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(["g-fading", "g-steady"], items.Select(Name));
        Assert.True(items[0].GetProperty("score").GetInt32() < items[1].GetProperty("score").GetInt32());
        var fading = items[0].GetProperty("forecast");
        Assert.Equal("Declining", fading.GetProperty("state").GetString());
        Assert.True(items[0].GetProperty("atRisk").GetBoolean());
        Assert.InRange(fading.GetProperty("days").GetDouble(), fading.GetProperty("low").GetDouble(), fading.GetProperty("high").GetDouble());
        Assert.Equal("Stable", items[1].GetProperty("forecast").GetProperty("state").GetString());
        Assert.False(items[1].GetProperty("atRisk").GetBoolean());
        Assert.Equal(45, items[1].GetProperty("activeMembers").GetArrayLength());

        var byName = await (await analyst.GetAsync("/api/v1/health/groups?sort=Name&descending=true&pageSize=1")).ReadJsonAsync();
        Assert.Equal(["g-steady"], byName.GetProperty("items").EnumerateArray().Select(Name));
        var atRisk = await (await analyst.GetAsync("/api/v1/health/groups?atRisk=true")).ReadJsonAsync();
        Assert.Equal(["g-fading"], atRisk.GetProperty("items").EnumerateArray().Select(Name));
    }

    [Fact]
    public async Task Get_OneGroup_ExplainsEachFactorAgainstItsNorm_WithSeriesAndProjection()
    {
        var ws = await app.CreateWorkspaceAsync("health-one");
        var channel = await ws.Client.CreateChannelAsync();
        await IngestDaysAsync(ws, channel, "g-fading", 30, d => (int)Math.Round(25 * Math.Exp(-d / 10.0)));
        var list = await (await ws.Client.GetAsync("/api/v1/health/groups")).ReadJsonAsync();
        var id = list.GetProperty("items")[0].GetProperty("groupId").GetGuid();

        var detail = await (await ws.Client.GetAsync($"/api/v1/health/groups/{id}")).ReadJsonAsync();

        Assert.Equal(30, detail.GetProperty("days").GetArrayLength());
        Assert.Equal(31, detail.GetProperty("projection").GetArrayLength());
        Assert.Equal(30, detail.GetProperty("atRiskDays").GetInt32());
        var factors = detail.GetProperty("factors").EnumerateArray().ToList();
        var trend = factors.Single(f => f.GetProperty("factor").GetString() == "ActivityTrend");
        Assert.True(trend.GetProperty("value").GetDouble() < 0.4);
        Assert.Equal(0.9, trend.GetProperty("goodFrom").GetDouble());
        Assert.Equal(JsonValueKind.Null, trend.GetProperty("goodTo").ValueKind);
        Assert.True(trend.GetProperty("pointsLost").GetDouble() > 0);
        var lost = factors.Select(f => f.GetProperty("pointsLost").GetDouble()).ToList();
        Assert.Equal(lost.OrderDescending(), lost);
        Assert.Equal(factors[0].GetProperty("factor").GetString(), detail.GetProperty("summary").GetProperty("mainFactor").GetString());
    }

    [Fact]
    public async Task Settings_TheWorkspacesOwnHorizon_DecidesWhoIsAtRisk_OnlyAdminsChangeIt()
    {
        var ws = await app.CreateWorkspaceAsync("health-horizon");
        var other = await app.CreateWorkspaceAsync("health-horizon-other");
        var channel = await ws.Client.CreateChannelAsync();
        await IngestDaysAsync(ws, channel, "g-fading", 45, d => (int)Math.Round(30 * Math.Exp(-d / 20.0)));
        var analyst = await app.ClientAsync(ws.Id, Roles.Analyst);
        var before = (await (await analyst.GetAsync("/api/v1/health/groups")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal(30, (await (await analyst.GetAsync("/api/v1/health/settings")).ReadJsonAsync()).GetProperty("atRiskDays").GetInt32());
        Assert.True(before.GetProperty("atRisk").GetBoolean());
        Assert.True(before.GetProperty("forecast").GetProperty("days").GetDouble() > 2);

        var byAnalyst = await analyst.PutAsJsonAsync("/api/v1/health/settings", new { atRiskDays = 2 });
        var tooFew = await ws.Client.PutAsJsonAsync("/api/v1/health/settings", new { atRiskDays = 0 });
        var tooMany = await ws.Client.PutAsJsonAsync("/api/v1/health/settings", new { atRiskDays = 181 });
        var saved = await ws.Client.PutAsJsonAsync("/api/v1/health/settings", new { atRiskDays = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooFew.StatusCode);
        Assert.Contains("AtRiskDays", await tooFew.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await (await analyst.GetAsync("/api/v1/health/groups")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.False(after.GetProperty("atRisk").GetBoolean());
        var detail = await (await analyst.GetAsync($"/api/v1/health/groups/{after.GetProperty("groupId").GetGuid()}")).ReadJsonAsync();
        Assert.Equal(2, detail.GetProperty("atRiskDays").GetInt32());
        Assert.Equal(30, (await (await other.Client.GetAsync("/api/v1/health/settings")).ReadJsonAsync()).GetProperty("atRiskDays").GetInt32());
    }

    [Fact]
    public async Task Requests_BadInputAndUnknownGroup_AnswerProblems()
    {
        var ws = await app.CreateWorkspaceAsync("health-bad");

        var unknown = await ws.Client.GetAsync($"/api/v1/health/groups/{Guid.NewGuid()}");
        var badSize = await ws.Client.GetAsync("/api/v1/health/groups?pageSize=0");
        var badSort = await ws.Client.GetAsync("/api/v1/health/groups?sort=Loudness");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.Contains("PageSize", await badSize.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    private static string Name(JsonElement item) => item.GetProperty("name").GetString()!;

    /// <summary>Day d (0 = <paramref name="days"/> days before yesterday) has <c>active(d)</c> members saying one thing at noon.</summary>
    private async Task IngestDaysAsync(TestWorkspace ws, Guid channel, string group, int days, Func<int, int> active)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), zone).Date;
        var events = new List<object>();
        for (var d = 0; d < days; d++)
        {
            var noon = new DateTimeOffset(today.AddDays(d - days).AddHours(12), TimeSpan.FromHours(8));
            for (var m = 0; m < active(d); m++)
            {
                var at = noon.AddMinutes(m);
                events.Add(new { kind = "message", channelId = channel, externalEventId = $"{group}-{d}-{m}", externalGroupId = group, groupName = group, externalUserId = $"{group}-u{m}", occurredAt = at, message = new { text = "早" } });
            }
        }

        foreach (var chunk in events.Chunk(500))
        {
            await ws.Client.IngestAsync([.. chunk]);
        }

        await app.DrainAsync();
    }
}
