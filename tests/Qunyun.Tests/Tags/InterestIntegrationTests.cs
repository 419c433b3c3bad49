using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Segments;
using static Qunyun.Tests.Infrastructure.Events;

namespace Qunyun.Tests.Tags;

/// <summary>Interest weights as segments, topic groups and merges see them: decayed to now, not as stored.</summary>
public sealed class InterestIntegrationTests(TagsApp app) : IClassFixture<TagsApp>
{
    private QunyunApp Host => app.Host;

    [Fact]
    public async Task SegmentsAndTopicGroups_CompareAndRankTheWeightNow()
    {
        var ws = await Host.CreateWorkspaceAsync("interest-segments");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();
        await ws.Client.IngestAsync(
            Of("purchase", channel, "p1", null, "buyer", now.AddDays(-60), new { orderId = "o-1", amount = 300, currency = "CNY", topics = new[] { "wine" } }, "purchase"),
            Of("content_viewed", channel, "v1", null, "viewer", now.AddMinutes(-1), new { id = "a-1", topics = new[] { "wine" } }, "content"),
            Of("event_attended", channel, "e1", null, "attendee", now.AddMinutes(-1), new { id = "t-1", topics = new[] { "wine" } }, "attendance"));
        await Host.DrainAsync();
        var wine = (await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/tags?kind=Interest")).GetProperty("items")[0].GetProperty("id").GetGuid();
        async Task<int> CountAsync(double minWeight) =>
            (await ws.Client.PostJsonAsync("/api/v1/segments/preview", new { definition = new { type = "interest", tagId = wine, minWeight } })).GetProperty("count").GetInt32();

        var aboveOne = await CountAsync(1.1); // buyer 5 · 2^-2 = 1.25, attendee 3; not the viewer (1)
        var aboveTwo = await CountAsync(2); // only the attendee: the buyer's stored 5 is two half-lives old
        var proposal = await ws.Client.PostJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = wine, minWeight = 1.1 });

        Assert.Equal(2, aboveOne);
        Assert.Equal(1, aboveTwo);
        var invitees = proposal.GetProperty("groups")[0].GetProperty("invitees").EnumerateArray().ToList();
        Assert.Equal(["attendee", "buyer"], invitees.Select(i => i.GetProperty("displayName").GetString()));
        Assert.Equal([3, 1.25], invitees.Select(i => Math.Round(i.GetProperty("weight").GetDouble(), 3)));
    }

    [Fact]
    public async Task Merge_AddsInterestsDecayedToTheLaterTime_AndFactsFollowTheEventsBothWays()
    {
        var ws = await Host.CreateWorkspaceAsync("interest-merge");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();
        await ws.Client.CreateRuleTagAsync("高消费", new { metric = "PurchaseAmount", comparison = "AtLeast", threshold = 500, windowDays = 30 });
        await ws.Client.IngestAsync(
            Of("content_viewed", channel, "v1", null, "a", now.AddDays(-30), new { id = "a-1", topics = new[] { "tea" } }, "content"),
            Of("purchase", channel, "p1", null, "a", now.AddDays(-2), new { orderId = "o-1", amount = 300, currency = "CNY" }, "purchase"),
            Of("event_attended", channel, "e1", null, "b", now.AddMinutes(-1), new { id = "t-1", topics = new[] { "tea" } }, "attendance"),
            Of("purchase", channel, "p2", null, "b", now.AddDays(-1), new { orderId = "o-2", amount = 250, currency = "CNY" }, "purchase"));
        await Host.DrainAsync();
        var (a, b) = (await ws.MemberOfAsync("a"), await ws.MemberOfAsync("b"));

        var merge = await ws.Client.PostOkAsync($"/api/v1/members/{b}/merge", new { into = a });
        var merged = await ws.TagsOfAsync("a");
        await ws.Client.RecheckAsync();
        var rechecked = await ws.TagsOfAsync("a");
        await ws.Client.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetGuid()}/undo", null);
        await ws.Client.RecheckAsync();

        Assert.Equal(0.5 + (3 * Math.Pow(2, -1 / (30.0 * 24 * 60))), merged["interest:tea"].Weight, 6); // both decayed to now, added
        Assert.DoesNotContain("高消费", merged.Keys);
        Assert.Contains("高消费", rechecked.Keys); // 300 + 250 once the facts are one member's
        Assert.DoesNotContain("高消费", (await ws.TagsOfAsync("a")).Keys);
        Assert.DoesNotContain("高消费", (await ws.TagsOfAsync("b")).Keys);
        await using var db = ws.OpenDb();
        Assert.Equal(2, await db.MemberFacts.CountAsync(f => f.MemberId == b && f.Topic == ""));
    }

    [Fact]
    public async Task Recheck_GivesRowsWithoutADecayKeyTheirKey()
    {
        var ws = await Host.CreateWorkspaceAsync("interest-rekey");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(Of("content_viewed", channel, "v1", null, "u", Host.Clock.GetUtcNow(), new { id = "a-1", topics = new[] { "tea" } }, "content"));
        await Host.DrainAsync();
        DateTime? written;
        await using (var db = ws.OpenDb())
        {
            written = await db.MemberTags.Select(t => t.DecayKey).SingleAsync();
            await db.MemberTags.ExecuteUpdateAsync(s => s.SetProperty(t => t.DecayKey, (DateTime?)null)); // as rows from before the key
        }

        await ws.Client.RecheckAsync();

        await using var check = ws.OpenDb();
        Assert.NotNull(written);
        Assert.Equal(written, await check.MemberTags.Select(t => t.DecayKey).SingleAsync());
    }
}
