using System.Net.Http.Json;
using System.Text.Json;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Infrastructure.Events;

namespace Qunyun.Tests.Tags;

public sealed class InterestTagTests(TagsApp app) : IClassFixture<TagsApp>
{
    private QunyunApp Host => app.Host;

    [Fact]
    public async Task Interests_BuyerOutranksViewer_WeightsDecay_FadedTagsAreRemovedByTheRecheck()
    {
        var ws = await Host.CreateWorkspaceAsync("interest-decay");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();

        await ws.Client.IngestAsync(
            Of("purchase", channel, "p1", null, "buyer", now.AddMinutes(-5), new { orderId = "o-1", amount = 268, currency = "CNY", topics = new[] { "Italian Wine" } }, "purchase"),
            Of("content_viewed", channel, "v1", null, "viewer", now.AddMinutes(-5), new { id = "a-1", topics = new[] { "italian wine" } }, "content"));
        await Host.DrainAsync();
        var buyer = (await ws.TagsOfAsync("buyer"))["interest:italian wine"];
        var viewer = (await ws.TagsOfAsync("viewer"))["interest:italian wine"];
        var listed = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/tags?kind=Interest");
        Host.Clock.Advance(TimeSpan.FromDays(30));
        var buyerAfterHalfLife = (await ws.TagsOfAsync("buyer"))["interest:italian wine"].Weight;
        Host.Clock.Advance(TimeSpan.FromDays(40));
        var recheck = await ws.Client.RecheckAsync();

        Assert.Equal("Interest", buyer.Kind);
        Assert.Equal(5, buyer.Weight, 2);
        Assert.Equal(1, viewer.Weight, 2);
        Assert.True(buyer.Weight > viewer.Weight);
        Assert.Equal(2, listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "interest:italian wine").GetProperty("memberCount").GetInt32());
        Assert.Equal(2.5, buyerAfterHalfLife, 2);
        Assert.Equal(1, recheck.GetProperty("removed").GetInt32());
        Assert.Empty(await ws.TagsOfAsync("viewer"));
        Assert.Equal(5 * Math.Pow(2, -70 / 30.0), (await ws.TagsOfAsync("buyer"))["interest:italian wine"].Weight, 2);
    }

    [Fact]
    public async Task Interests_AccumulateAcrossKinds_ChineseTopicsKeepTheirName()
    {
        var ws = await Host.CreateWorkspaceAsync("interest-chinese");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();

        await ws.Client.IngestAsync(
            Of("content_viewed", channel, "v1", null, "u", now.AddDays(-1), new { id = "a-1", title = "托斯卡纳产区", topics = new[] { "意大利葡萄酒", "托斯卡纳" } }, "content"),
            Of("event_attended", channel, "e1", null, "u", now.AddMinutes(-1), new { id = "t-1", topics = new[] { "意大利葡萄酒" } }, "attendance"));
        await Host.DrainAsync();
        var tags = await ws.TagsOfAsync("u");
        var tagList = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/tags?kind=Interest&q=意大利");

        Assert.Equal(1 * Math.Pow(2, -1 / 30.0) + 3, tags["interest:意大利葡萄酒"].Weight, 2);
        Assert.Equal(1 * Math.Pow(2, -1 / 30.0), tags["interest:托斯卡纳"].Weight, 2);
        Assert.Equal("意大利葡萄酒", tagList.GetProperty("items")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Interests_FromHistoryLongFaded_AddNoTag()
    {
        var ws = await Host.CreateWorkspaceAsync("interest-old");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();

        await ws.Client.IngestAsync(Of("content_viewed", channel, "v1", null, "u", now.AddDays(-365), new { id = "a-1", topics = new[] { "espresso" } }, "content"));
        await Host.DrainAsync();
        var tags = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/tags?kind=Interest");

        Assert.Empty(await ws.TagsOfAsync("u"));
        Assert.Equal(0, tags.GetProperty("total").GetInt32());
    }
}
