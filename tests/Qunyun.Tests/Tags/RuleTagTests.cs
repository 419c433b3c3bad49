using System.Net.Http.Json;
using System.Text.Json;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Infrastructure.Events;

namespace Qunyun.Tests.Tags;

public sealed class RuleTagTests(TagsApp app) : IClassFixture<TagsApp>
{
    private QunyunApp Host => app.Host;

    [Fact]
    public async Task MessageRule_TagAppearsAtTheTwentiethMessage_AndGoesWhenTheWindowPasses()
    {
        var ws = await Host.CreateWorkspaceAsync("rule-messages");
        var channel = await ws.Client.CreateChannelAsync();
        var tag = await ws.Client.CreateRuleTagAsync("话痨", new { metric = "Messages", comparison = "AtLeast", threshold = 20, windowDays = 7 });
        var now = Host.Clock.GetUtcNow();

        await ws.Client.IngestAsync([.. Enumerable.Range(0, 19).Select(i => Message(channel, $"m{i}", "g", "u", now.AddMinutes(-60 + i)))]);
        await Host.DrainAsync();
        var after19 = await ws.TagsOfAsync("u");
        await ws.Client.IngestAsync(Message(channel, "m19", "g", "u", now.AddMinutes(-1)));
        await Host.DrainAsync();
        var after20 = await ws.TagsOfAsync("u");
        Host.Clock.Advance(TimeSpan.FromDays(7));
        var recheck = await ws.Client.RecheckAsync();
        var afterWindow = await ws.TagsOfAsync("u");
        var history = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{await ws.MemberOfAsync("u")}/tag-changes");
        var tagRead = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/tags/{tag}");

        Assert.Empty(after19);
        Assert.Equal(("Rule", 1.0), after20["话痨"]);
        Assert.Equal(1, recheck.GetProperty("removed").GetInt32());
        Assert.Empty(afterWindow);
        Assert.Equal(["Removed:Recheck", "Added:Event"], history.GetProperty("items").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()}:{c.GetProperty("cause").GetString()}"));
        Assert.Equal(0, tagRead.GetProperty("memberCount").GetInt32());
        Assert.Equal("Messages", tagRead.GetProperty("rule").GetProperty("metric").GetString());
    }

    [Fact]
    public async Task PurchaseAmountRule_SumsPurchasesInTheWindowAndCurrency()
    {
        var ws = await Host.CreateWorkspaceAsync("rule-amount");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateRuleTagAsync("高消费", new { metric = "PurchaseAmount", comparison = "AtLeast", threshold = 500, windowDays = 30, currency = "cny" });
        var now = Host.Clock.GetUtcNow();
        object Purchase(string id, string user, DateTimeOffset at, decimal amount, string currency = "CNY") =>
            Of("purchase", channel, id, null, user, at, new { orderId = id, amount, currency }, "purchase");

        await ws.Client.IngestAsync(Purchase("a1", "a", now.AddDays(-3), 300.10m), Purchase("b1", "b", now.AddDays(-1), 1000, "USD"), Purchase("c1", "c", now.AddDays(-40), 1000));
        await Host.DrainAsync();
        var beforeSecond = await ws.TagsOfAsync("a");
        await ws.Client.IngestAsync(Purchase("a2", "a", now.AddHours(-1), 199.90m));
        await Host.DrainAsync();

        Assert.Empty(beforeSecond);
        Assert.Contains("高消费", (await ws.TagsOfAsync("a")).Keys);
        Assert.Empty(await ws.TagsOfAsync("b"));
        Assert.Empty(await ws.TagsOfAsync("c"));
    }

    [Fact]
    public async Task TopicRules_CountOnlyEventsOfTheKindWithTheTopic_ChineseIncluded()
    {
        var ws = await Host.CreateWorkspaceAsync("rule-topic");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateRuleTagAsync("意酒客", new { metric = "EventsAttended", comparison = "AtLeast", threshold = 1, windowDays = 90, topic = "Italian-Wine" });
        await ws.Client.CreateRuleTagAsync("意大利葡萄酒读者", new { metric = "ContentViews", comparison = "AtLeast", threshold = 2, windowDays = 30, topic = "意大利葡萄酒" });
        var now = Host.Clock.GetUtcNow();

        await ws.Client.IngestAsync(
            Of("event_attended", channel, "e1", null, "attendee", now.AddDays(-80), new { id = "tasting-1", title = "托斯卡纳品鉴会", topics = new[] { "ITALIAN-WINE", "tasting" } }, "attendance"),
            Of("event_attended", channel, "e2", null, "coffee", now.AddDays(-1), new { id = "cupping-1", topics = new[] { "coffee" } }, "attendance"),
            Of("content_viewed", channel, "v1", null, "reader", now.AddDays(-2), new { id = "a-1", topics = new[] { "italian-wine", "意大利葡萄酒" } }, "content"),
            Of("content_viewed", channel, "v2", null, "reader", now.AddDays(-1), new { id = "a-2", topics = new[] { " 意大利葡萄酒 " } }, "content"),
            Of("content_viewed", channel, "v3", null, "once", now.AddDays(-1), new { id = "a-2", topics = new[] { "意大利葡萄酒" } }, "content"));
        await Host.DrainAsync();

        Assert.Contains("意酒客", (await ws.TagsOfAsync("attendee")).Keys);
        Assert.DoesNotContain("意酒客", (await ws.TagsOfAsync("coffee")).Keys);
        Assert.DoesNotContain("意酒客", (await ws.TagsOfAsync("reader")).Keys);
        Assert.Contains("意大利葡萄酒读者", (await ws.TagsOfAsync("reader")).Keys);
        Assert.DoesNotContain("意大利葡萄酒读者", (await ws.TagsOfAsync("once")).Keys);
    }

    [Fact]
    public async Task SavedRule_AppliesToExistingMembersAtOnce_AndAQuietRuleFollowsMessagesAndJoins()
    {
        var ws = await Host.CreateWorkspaceAsync("rule-quiet");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();
        await ws.Client.IngestAsync(
            Message(channel, "s1", "main", "silent", now.AddDays(-20)),
            Message(channel, "t1", "main", "talker", now.AddHours(-3)), Message(channel, "t2", "main", "talker", now.AddHours(-2)), Message(channel, "t3", "main", "talker", now.AddHours(-1)),
            Message(channel, "o1", "other", "outsider", now.AddHours(-1)));
        await Host.DrainAsync();
        var group = await ws.GroupIdAsync("main");

        await ws.Client.CreateRuleTagAsync("潜水", new { metric = "Messages", comparison = "AtMost", threshold = 1, windowDays = 7, groupId = group });
        var silentAtSave = await ws.TagsOfAsync("silent");
        await ws.Client.IngestAsync(
            Message(channel, "s2", "main", "silent", now.AddMinutes(-10)), Message(channel, "s3", "main", "silent", now.AddMinutes(-5)),
            Of("member_joined", channel, "j1", "main", "newcomer", now.AddMinutes(-1)));
        await Host.DrainAsync();

        Assert.Contains("潜水", silentAtSave.Keys);
        Assert.DoesNotContain("潜水", (await ws.TagsOfAsync("talker")).Keys);
        Assert.DoesNotContain("潜水", (await ws.TagsOfAsync("outsider")).Keys);
        Assert.DoesNotContain("潜水", (await ws.TagsOfAsync("silent")).Keys);
        Assert.Contains("潜水", (await ws.TagsOfAsync("newcomer")).Keys);
    }

    [Fact]
    public async Task EditedRule_IsReappliedToEveryMember()
    {
        var ws = await Host.CreateWorkspaceAsync("rule-edit");
        var channel = await ws.Client.CreateChannelAsync();
        var now = Host.Clock.GetUtcNow();
        await ws.Client.IngestAsync(Of("check_in", channel, "c1", "g", "u", now.AddDays(-10)), Of("check_in", channel, "c2", "g", "u", now.AddDays(-1)));
        await Host.DrainAsync();
        var tag = await ws.Client.CreateRuleTagAsync("打卡达人", new { metric = "CheckIns", comparison = "AtLeast", threshold = 2, windowDays = 7 });
        var before = await ws.TagsOfAsync("u");

        var edited = await ws.Client.PutAsJsonAsync($"/api/v1/tags/{tag}",
            new { name = "打卡达人", kind = "Rule", rule = new { metric = "CheckIns", comparison = "AtLeast", threshold = 2, windowDays = 14 } }, Infrastructure.Api.Json);

        Assert.Empty(before);
        Assert.Equal(1, (await edited.ReadJsonAsync()).GetProperty("memberCount").GetInt32());
        Assert.Contains("打卡达人", (await ws.TagsOfAsync("u")).Keys);
    }
}
