using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Accounts;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Infrastructure.Events;

namespace Qunyun.Tests.Tags;

public sealed class TagRulesApiTests(TagsApp app) : IClassFixture<TagsApp>
{
    private QunyunApp Host => app.Host;

    [Fact]
    public async Task CreateRuleTag_InvalidInput_Returns400NamingTheField()
    {
        var ws = await Host.CreateWorkspaceAsync("rules-validation");
        var valid = new { metric = "Messages", comparison = "AtLeast", threshold = 20, windowDays = 7 };
        async Task<string[]> FieldsOf(object body) => await (await ws.Client.PostAsJsonAsync("/api/v1/tags", body, Infrastructure.Api.Json)).ValidationFieldsAsync();

        Assert.Equal(["Rule"], await FieldsOf(new { name = "a", kind = "Rule" }));
        Assert.Equal(["Rule.Metric", "Rule.WindowDays"], (await FieldsOf(new { name = "a", kind = "Rule", rule = new { comparison = "AtLeast", threshold = 1 } })).Order());
        Assert.Equal(["Rule.Topic"], await FieldsOf(new { name = "a", kind = "Rule", rule = new { metric = "Messages", comparison = "AtLeast", threshold = 20, windowDays = 7, topic = "wine" } }));
        Assert.Equal(["Rule.Threshold"], await FieldsOf(new { name = "a", kind = "Rule", rule = new { metric = "Messages", comparison = "AtLeast", threshold = 2.5, windowDays = 7 } }));
        Assert.Equal(["Rule.WindowDays"], await FieldsOf(new { name = "a", kind = "Rule", rule = new { metric = "Messages", comparison = "AtLeast", threshold = 2, windowDays = 0 } }));
        Assert.Equal(["Rule.GroupId"], await FieldsOf(new { name = "a", kind = "Rule", rule = new { metric = "Messages", comparison = "AtLeast", threshold = 2, windowDays = 7, groupId = Guid.NewGuid() } }));
        Assert.Equal(["Rule.Currency"], await FieldsOf(new { name = "a", kind = "Rule", rule = new { metric = "PurchaseAmount", comparison = "AtLeast", threshold = 500, windowDays = 7, currency = "人民币" } }));
        Assert.Equal(["Rule"], await FieldsOf(new { name = "a", rule = valid }));
        Assert.Equal(["Kind"], await FieldsOf(new { name = "a", kind = "Interest" }));
        Assert.Equal(["Name"], await FieldsOf(new { name = "interest:wine" }));
    }

    [Fact]
    public async Task RuleAndInterestTags_CannotBeSetByHandOrChangeKind()
    {
        var ws = await Host.CreateWorkspaceAsync("rules-conflicts");
        var channel = await ws.Client.CreateChannelAsync();
        var rule = await ws.Client.CreateRuleTagAsync("签到", new { metric = "CheckIns", comparison = "AtLeast", threshold = 1, windowDays = 7 });
        await ws.Client.IngestAsync(Of("content_viewed", channel, "v1", null, "u", Host.Clock.GetUtcNow(), new { id = "a", topics = new[] { "tea" } }, "content"));
        await Host.DrainAsync();
        var member = await ws.MemberOfAsync("u");
        var interest = (await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/tags?kind=Interest")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var tagByHand = await ws.Client.PutAsync($"/api/v1/members/{member}/tags/{rule}", null);
        var untagInterest = await ws.Client.DeleteAsync($"/api/v1/members/{member}/tags/{interest}");
        var toManual = await ws.Client.PutAsJsonAsync($"/api/v1/tags/{rule}", new { name = "签到", kind = "Manual" }, Infrastructure.Api.Json);
        var renameInterest = await ws.Client.PutAsJsonAsync($"/api/v1/tags/{interest}", new { name = "tea lovers" }, Infrastructure.Api.Json);
        var recolourInterest = await ws.Client.PutAsJsonAsync($"/api/v1/tags/{interest}", new { name = "interest:tea", color = "#00897B" }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.Conflict, tagByHand.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, untagInterest.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, toManual.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, renameInterest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recolourInterest.StatusCode);
        Assert.Contains("interest:tea", (await ws.TagsOfAsync("u")).Keys);
    }

    [Fact]
    public async Task Recheck_IsForOwnersAndOperators()
    {
        var ws = await Host.CreateWorkspaceAsync("rules-roles");
        var moderator = await Host.ClientAsync(ws.Id, Roles.Moderator);
        var @operator = await Host.ClientAsync(ws.Id, Roles.Operator);

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync("/api/v1/tags/recheck", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await @operator.PostAsync("/api/v1/tags/recheck", null)).StatusCode);
    }

    [Fact]
    public async Task DailyRecheck_RunsOncePerLocalDayAtTheConfiguredTime()
    {
        var ws = await Host.CreateWorkspaceAsync("rules-daily");
        var worker = Host.Services.GetRequiredService<TagRecheckWorker>();
        async Task<DateTime?> LastRunAsync()
        {
            await using var db = ws.OpenDb();
            return await db.TagRecheckRuns.Select(r => (DateTime?)r.RanAt).SingleOrDefaultAsync();
        }

        await worker.RunDueAsync(CancellationToken.None);
        var first = await LastRunAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await worker.RunDueAsync(CancellationToken.None);
        var sameDay = await LastRunAsync();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(Host.Clock.GetUtcNow(), shanghai);
        var nextThreeAm = new DateTimeOffset(local.Date.AddDays(local.Hour >= 3 ? 1 : 0).AddHours(3), local.Offset);
        Host.Clock.SetUtcNow(nextThreeAm.AddMinutes(1));
        await worker.RunDueAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, sameDay);
        Assert.Equal(nextThreeAm.AddMinutes(1).UtcDateTime, await LastRunAsync());
    }
}
