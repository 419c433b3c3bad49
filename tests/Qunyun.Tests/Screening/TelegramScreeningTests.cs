using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Connectors;
using Qunyun.Tests.Connectors.Telegram;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Connectors.Telegram.TelegramUpdates;

namespace Qunyun.Tests.Screening;

/// <summary>Entry screening on Telegram over real HTTP: a join request from the fake Bot API, the private form link, the answers, the approval.</summary>
public sealed class TelegramScreeningTests(TelegramApp app) : IClassFixture<TelegramApp>
{
    private FakeTelegramServer Telegram => app.Telegram;

    [Fact]
    public async Task JoinRequest_GetsTheFormPrivately_AndApprovalCallsApproveChatJoinRequest()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-screening", token);
        await app.TestConnectionAsync(ws, channel);
        var hello = Telegram.EnqueueUpdate(Text(10, User(6001, "群主"), "开张"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, hello));
        await app.Host.DrainAsync();
        Guid group;
        await using (var db = ws.OpenDb())
        {
            group = await db.Groups.Where(g => g.ExternalId == ChatId.ToString()).Select(g => g.Id).SingleAsync();
        }

        (await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/policy", new { entry = "Application" }, Infrastructure.Api.Json)).EnsureSuccessStatusCode();

        var request = Telegram.EnqueueUpdate(JoinRequest(User(6002, "申请人")), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, request));
        await app.Host.DrainAsync();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var invite = Assert.Single(Telegram.ActionsOf(token), c => c.Method == "sendMessage");
        Assert.Equal("6002", invite["chat_id"]);
        var link = invite["text"]!.Split(' ', '：', ':').Select(w => w.Trim()).Last(w => w.Contains("/apply/"));
        var formToken = link[(link.IndexOf("/apply/", StringComparison.Ordinal) + 7)..];
        var form = await app.Host.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/applications/{formToken}", Infrastructure.Api.Json);
        Assert.Equal(1, form.GetProperty("questions").GetArrayLength());
        Assert.DoesNotContain(group.ToString(), form.GetRawText());
        (await app.Host.CreateClient().PostAsJsonAsync($"/api/public/applications/{formToken}", new { answers = new[] { "想一起交流产品" } })).EnsureSuccessStatusCode();
        var screening = (await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/screenings?status=Pending", Infrastructure.Api.Json))[0].GetProperty("id").GetGuid();
        (await ws.Client.PostAsync($"/api/v1/screenings/{screening}/approve", null)).EnsureSuccessStatusCode();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var approve = Assert.Single(Telegram.ActionsOf(token), c => c.Method == "approveChatJoinRequest");
        Assert.Equal((ChatId.ToString(), "6002"), (approve["chat_id"], approve["user_id"]));
    }
}
