using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Connectors.Telegram;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Connectors.Telegram.TelegramUpdates;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>Updates served by the fake Bot API reach members and messages through long polling and the webhook.</summary>
public sealed class TelegramReceivingTests(TelegramApp app) : IClassFixture<TelegramApp>
{
    private FakeTelegramServer Telegram => app.Telegram;

    [Fact]
    public async Task Polling_ServedUpdates_BecomeMembersMessagesAndAChatList()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-polling", token);
        var lin = User(1001, "小林", "xiaolin");
        var alex = User(2002, "Alex");

        var test = await app.TestConnectionAsync(ws, channel);
        Telegram.EnqueueUpdate(NewMembers(10, lin, lin, alex), token);
        Telegram.EnqueueUpdate(Text(11, lin, "大家好，我是小林"), token);
        Telegram.EnqueueUpdate(Text(12, alex, "欢迎！", replyTo: 11), token);
        Telegram.EnqueueUpdate(Reaction(11, alex, [], ["❤"]), token);
        var last = Telegram.EnqueueUpdate(LeftMember(13, alex), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, last));
        await app.Host.DrainAsync();

        Assert.True(test.GetProperty("ok").GetBoolean());
        Assert.Equal(FakeTelegramServer.BotUsername, test.GetProperty("botUsername").GetString());
        await using var db = ws.OpenDb();
        var group = await db.Groups.SingleAsync();
        Assert.Equal((ChatId.ToString(), ChatTitle), (group.ExternalId, group.Name));
        Assert.Equal(["Alex", "小林"], await db.Members.OrderBy(m => m.DisplayName).Select(m => m.DisplayName).ToListAsync());
        Assert.Equal(1, group.MemberCount);
        var events = await db.Events.OrderBy(e => e.Id).Select(e => new { e.Kind, e.ExternalEventId }).ToListAsync();
        Assert.Equal(["member_joined", "member_joined", "message", "message", "reaction", "member_left"], events.Select(e => e.Kind));
        Assert.Contains(events, e => e.ExternalEventId == $"{ChatId}:12");
        Assert.Equal(last + 1, (await db.ChannelStates.SingleAsync()).Cursor);

        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/telegram")).ReadJsonAsync();
        Assert.True(status.GetProperty("healthy").GetBoolean());
        var chat = Assert.Single(status.GetProperty("chats").EnumerateArray());
        Assert.Equal(ChatTitle, chat.GetProperty("title").GetString());
        Assert.Equal(group.Id, chat.GetProperty("groupId").GetGuid());
    }

    [Fact]
    public async Task Polling_UpdateSeenTwice_IsStoredOnce()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-replay", token);
        var lin = User(1001, "小林");
        await app.TestConnectionAsync(ws, channel);

        // The same message delivered twice (as after a crash before the offset moved) is one event.
        Telegram.EnqueueUpdate(Text(21, lin, "早上好"), token);
        var last = Telegram.EnqueueUpdate(Text(21, lin, "早上好"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, last));

        await using var db = ws.OpenDb();
        Assert.Equal(1, await db.Events.CountAsync(e => e.ChannelId == channel));
    }

    [Fact]
    public async Task RevokedToken_MarksTheChannelUnhealthyWithThePlatformsError()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-revoked", token);
        await app.TestConnectionAsync(ws, channel);

        Telegram.Revoke(token);
        var test = await app.TestConnectionAsync(ws, channel);
        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/telegram")).ReadJsonAsync();

        Assert.False(test.GetProperty("ok").GetBoolean());
        Assert.Equal("401: Unauthorized", test.GetProperty("error").GetString());
        Assert.False(status.GetProperty("healthy").GetBoolean());
        Assert.Equal("401: Unauthorized", status.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Webhook_ChecksTheSecretAndStoresTheUpdate()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-webhook", token);
        await app.TestConnectionAsync(ws, channel);

        var noUrl = await ws.Client.PutAsJsonAsync($"/api/v1/channels/{channel}/telegram/mode", new { mode = "Webhook" });
        var set = await ws.Client.PutAsJsonAsync($"/api/v1/channels/{channel}/telegram/mode",
            new { mode = "Webhook", webhookUrl = $"https://qunyun.example/api/v1/channels/{channel}/telegram" });
        var call = Telegram.Calls.Last(c => c.Token == token && c.Method == "setWebhook");
        var secret = call["secret_token"]!;
        var update = Text(31, User(1001, "小林"), "webhook 你好");
        update["update_id"] = 1;

        var anonymous = app.Host.CreateClient();
        var wrong = await PostUpdateAsync(anonymous, channel, update, "not-the-secret");
        var right = await PostUpdateAsync(anonymous, channel, update, secret);
        var malformed = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/telegram")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { TelegramApi.SecretHeader, secret } },
        });

        Assert.Equal(["WebhookUrl"], await noUrl.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal($"https://qunyun.example/api/v1/channels/{channel}/telegram", call["url"]);
        Assert.Equal(64, secret.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await using var db = ws.OpenDb();
        var stored = await db.Events.SingleAsync(e => e.ChannelId == channel);
        Assert.Equal($"{ChatId}:31", stored.ExternalEventId);
    }

    [Fact]
    public async Task Webhook_OfADisabledChannel_IsRefused_AndStoresNothing_UntilEnabledAgain()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-webhook-off", token);
        await app.TestConnectionAsync(ws, channel);
        await ws.Client.PutAsJsonAsync($"/api/v1/channels/{channel}/telegram/mode",
            new { mode = "Webhook", webhookUrl = $"https://qunyun.example/api/v1/channels/{channel}/telegram" });
        var secret = Telegram.Calls.Last(c => c.Token == token && c.Method == "setWebhook")["secret_token"]!;
        var update = Text(41, User(1002, "小周"), "关掉的渠道");
        update["update_id"] = 2;
        var anonymous = app.Host.CreateClient();

        Assert.True((await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/disable", new { })).IsSuccessStatusCode);
        var refused = await PostUpdateAsync(anonymous, channel, update, secret);
        await using (var db = ws.OpenDb())
        {
            Assert.False(await db.Events.AnyAsync(e => e.ChannelId == channel));
        }

        Assert.True((await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/enable", new { })).IsSuccessStatusCode);
        var accepted = await PostUpdateAsync(anonymous, channel, update, secret);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await using var after = ws.OpenDb();
        Assert.Equal($"{ChatId}:41", (await after.Events.SingleAsync(e => e.ChannelId == channel)).ExternalEventId);
    }

    private static Task<HttpResponseMessage> PostUpdateAsync(HttpClient client, Guid channel, JsonObject update, string secret) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/telegram")
        {
            Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            Headers = { { TelegramApi.SecretHeader, secret } },
        });
}
