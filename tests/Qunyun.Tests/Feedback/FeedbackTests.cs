using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Feedback;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;
using Qunyun.Features.Feedback;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Feedback;

/// <summary>Feedback items from tagged messages in product-feedback groups, worked through the API.</summary>
public sealed class FeedbackTests(WorkersOffApp fixture) : IClassFixture<WorkersOffApp>
{
    private QunyunApp App => fixture.Host;

    private sealed record Setup(TestWorkspace Ws, Guid Channel, Guid Group);

    private async Task<Setup> SetUpAsync(string slug)
    {
        var ws = await App.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "内测反馈群", GroupType.ProductFeedback, $"{slug}-fb");
        return new Setup(ws, channel, group);
    }

    private async Task SayAsync(Setup s, string id, string text, string user = "tester", string? group = null) =>
        await s.Ws.Client.IngestAsync(Infrastructure.Events.Message(s.Channel, $"{s.Ws.Id:N}-{id}", group ?? $"{(await GroupSlugAsync(s))}", user, App.Clock.GetUtcNow(), text));

    private async Task<string> GroupSlugAsync(Setup s)
    {
        await using var db = s.Ws.OpenDb();
        return await db.Groups.Where(g => g.Id == s.Group).Select(g => g.ExternalId).SingleAsync();
    }

    /// <summary>A console account of the workspace (the owner a test gives items to).</summary>
    private async Task<string> StaffAsync(TestWorkspace ws)
    {
        using (var scope = App.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().ExecuteAsync(ws.Id, $"pm-{ws.Id:N}@example.com", "product-2026", "operator", "产品经理");
            Assert.True(created.Succeeded);
        }

        await using var db = ws.OpenDb();
        return await db.Users.Where(u => u.WorkspaceId == ws.Id).Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<FeedbackItemResponse>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<Qunyun.Api.Page<FeedbackItemResponse>>($"/api/v1/feedback?pageSize=500{query}", Infrastructure.Api.Json))!.Items.ToList();

    [Fact]
    public async Task TaggedMessages_BecomeItems_ChineseEnglishAndConfigured_NoFalsePositives()
    {
        var s = await SetUpAsync("fb-detect");
        var other = await s.Ws.Client.CreateGroupAsync(s.Channel, "闲聊群", GroupType.LongTerm, "fb-detect-chat");
        var settings = await s.Ws.Client.PutAsJsonAsync("/api/v1/feedback/settings", new { bugWords = new[] { "问题" } }, Infrastructure.Api.Json);

        await SayAsync(s, "1", "#bug 登录后闪退");
        await SayAsync(s, "2", "#建议加个夜间模式");
        await SayAsync(s, "3", "#Idea export to csv");
        await SayAsync(s, "4", "#反馈 新版很好用");
        await SayAsync(s, "5", "#问题 支付页卡住");
        await SayAsync(s, "6", "#bugfix merged, thanks");
        await SayAsync(s, "7", "see https://example.com/page#bug");
        await SayAsync(s, "8", "大家有什么建议吗");
        await SayAsync(s, "9", "#bug 在闲聊群里说的", group: "fb-detect-chat");

        var items = await ListAsync(s.Ws.Client);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal(
            [(FeedbackKind.Bug, "问题"), (FeedbackKind.Feedback, "反馈"), (FeedbackKind.Idea, "idea"), (FeedbackKind.Idea, "建议"), (FeedbackKind.Bug, "bug")],
            items.Select(i => (i.Kind, i.Keyword)));
        Assert.All(items, i => Assert.Equal((s.Group, FeedbackStatus.New), (i.GroupId, i.Status)));
        Assert.DoesNotContain(items, i => i.GroupId == other);
        await using var db = s.Ws.OpenDb();
        var first = items[^1];
        Assert.Equal($"/groups/{s.Group}?at={first.EventId}#chat", first.MessageLink);
        Assert.Equal($"{s.Ws.Id:N}-1", await db.Events.Where(e => e.Id == first.EventId).Select(e => e.ExternalEventId).SingleAsync());
    }

    [Fact]
    public async Task StatusChange_RepliesToTheReporterOnce_PerStatus()
    {
        var s = await SetUpAsync("fb-reply");
        await SayAsync(s, "1", "#bug 登录后闪退", user: "小王");
        var item = (await ListAsync(s.Ws.Client)).Single();
        Task<HttpResponseMessage> SetAsync(string status) => s.Ws.Client.PatchAsJsonAsync($"/api/v1/feedback/{item.Id}", new { status }, Infrastructure.Api.Json);

        var accepted = await SetAsync("Accepted");
        await SetAsync("Accepted");
        await SetAsync("New");
        await SetAsync("Accepted");
        await SetAsync("Done");

        await using var db = s.Ws.OpenDb();
        var replies = await db.Outbox.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith($"feedback:{item.Id}")).OrderBy(o => o.Sequence).ToListAsync();
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal([ChangeFeedbackItem.KeyOf(item.Id, FeedbackStatus.Accepted), ChangeFeedbackItem.KeyOf(item.Id, FeedbackStatus.Done)], replies.Select(r => r.IdempotencyKey));
        var payload = JsonDocument.Parse(replies[0].Payload).RootElement;
        Assert.Equal($"{s.Ws.Id:N}-1", payload.GetProperty("replyToExternalEventId").GetString());
        Assert.Equal("小王，你提的问题「登录后闪退」已受理，谢谢！", payload.GetProperty("text").GetString());
        Assert.Equal(item.EventId, replies[0].EventId);
        Assert.Equal(FeedbackStatus.Done, (await db.FeedbackItems.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task Change_BadStatusOrOwner_NamesTheField_AValidOwnerIsKept()
    {
        var s = await SetUpAsync("fb-validate");
        await SayAsync(s, "1", "#idea 深色模式");
        var item = (await ListAsync(s.Ws.Client)).Single();
        var owner = await StaffAsync(s.Ws);

        var badStatus = await s.Ws.Client.PatchAsJsonAsync($"/api/v1/feedback/{item.Id}", new { status = "Shipped" }, Infrastructure.Api.Json);
        var badOwner = await s.Ws.Client.PatchAsJsonAsync($"/api/v1/feedback/{item.Id}", new { ownerId = "nobody" }, Infrastructure.Api.Json);
        var empty = await s.Ws.Client.PatchAsJsonAsync($"/api/v1/feedback/{item.Id}", new { }, Infrastructure.Api.Json);
        var good = await s.Ws.Client.PatchAsJsonAsync($"/api/v1/feedback/{item.Id}", new { ownerId = owner }, Infrastructure.Api.Json);
        var badWords = await s.Ws.Client.PutAsJsonAsync("/api/v1/feedback/settings", new { ideaWords = new[] { "ok", "two words" } }, Infrastructure.Api.Json);
        var controlWord = await s.Ws.Client.PutAsJsonAsync("/api/v1/feedback/settings", new { bugWords = new[] { null, "\u0000" } }, Infrastructure.Api.Json);

        Assert.Contains("Status", await badStatus.ValidationFieldsAsync());
        Assert.Equal(["OwnerId"], await badOwner.ValidationFieldsAsync());
        Assert.Equal(["Status"], await empty.ValidationFieldsAsync());
        Assert.Equal(owner, (await good.Content.ReadFromJsonAsync<FeedbackItemResponse>(Infrastructure.Api.Json))!.OwnerId);
        Assert.Equal(["IdeaWords[1]"], await badWords.ValidationFieldsAsync());
        Assert.Equal(["BugWords[0]"], await controlWord.ValidationFieldsAsync()); // an empty entry is dropped, a control character refused
    }

    [Fact]
    public async Task List_Filters_ByGroupStatusKindOwnerAndText_CountsPerStatus()
    {
        var s = await SetUpAsync("fb-filter");
        var second = await s.Ws.Client.CreateGroupAsync(s.Channel, "二号反馈群", GroupType.ProductFeedback, "fb-filter-2");
        await SayAsync(s, "1", "#bug 登录后闪退");
        await SayAsync(s, "2", "#idea 深色模式");
        await SayAsync(s, "3", "#bug 支付失败", group: "fb-filter-2");
        var items = await ListAsync(s.Ws.Client);
        var payment = items.Single(i => i.Text.Contains("支付"));
        var owner = await StaffAsync(s.Ws);

        await s.Ws.Client.PatchAsJsonAsync($"/api/v1/feedback/{payment.Id}", new { status = "Accepted", ownerId = owner }, Infrastructure.Api.Json);

        Assert.Equal(2, (await ListAsync(s.Ws.Client, $"&groupId={s.Group}")).Count);
        Assert.Equal(["#bug 支付失败"], (await ListAsync(s.Ws.Client, "&status=Accepted")).Select(i => i.Text));
        Assert.Equal(["#idea 深色模式"], (await ListAsync(s.Ws.Client, "&kind=Idea")).Select(i => i.Text));
        Assert.Equal([payment.Id], (await ListAsync(s.Ws.Client, $"&ownerId={owner}")).Select(i => i.Id));
        Assert.Equal(["#bug 登录后闪退"], (await ListAsync(s.Ws.Client, "&text=闪退")).Select(i => i.Text));
        var counts = await s.Ws.Client.GetFromJsonAsync<FeedbackCounts>($"/api/v1/groups/{second}/feedback-counts", Infrastructure.Api.Json);
        Assert.Equal((0, 1, 0, 0), (counts!.New, counts.Accepted, counts.Done, counts.Declined));
    }

    [Fact]
    public async Task AnotherWorkspace_CannotReadOrChangeItems()
    {
        var s = await SetUpAsync("fb-scope-a");
        var other = await App.CreateWorkspaceAsync("fb-scope-b");
        await SayAsync(s, "1", "#bug 只属于 A");
        var item = (await ListAsync(s.Ws.Client)).Single();

        var get = await other.Client.GetAsync($"/api/v1/feedback/{item.Id}");
        var patch = await other.Client.PatchAsJsonAsync($"/api/v1/feedback/{item.Id}", new { status = "Declined" }, Infrastructure.Api.Json);
        var list = await ListAsync(other.Client);
        var counts = await other.Client.GetAsync($"/api/v1/groups/{s.Group}/feedback-counts");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, patch.StatusCode, counts.StatusCode));
        Assert.Empty(list);
        await using var db = s.Ws.OpenDb();
        Assert.Equal(FeedbackStatus.New, (await db.FeedbackItems.AsNoTracking().SingleAsync()).Status);
        Assert.False(await db.Outbox.AnyAsync(o => o.IdempotencyKey.StartsWith("feedback:")));
    }
}
