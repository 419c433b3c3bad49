using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Connectors.Telegram.TelegramUpdates;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>Each outbox action, delivered by the real dispatcher, is the exact Bot API call with the exact parameters.</summary>
public sealed class TelegramActionTests(TelegramApp app) : IClassFixture<TelegramApp>
{
    private static readonly string Chat = ChatId.ToString();
    private FakeTelegramServer Telegram => app.Telegram;

    [Fact]
    public async Task Dispatch_PrivateMessage_GoesToTheMembersOwnChat()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-private", token);
        await QueueAsync(ws, channel, ("send_private", new JsonObject { ["externalUserId"] = "1001", ["text"] = "欢迎加入，先看看群规" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var call = Assert.Single(Telegram.ActionsOf(token));
        Assert.Equal(("sendMessage", "1001", "欢迎加入，先看看群规"), (call.Method, call["chat_id"], call["text"]));
        Assert.All((await ws.RowsAsync()).Values, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
    }

    [Fact]
    public async Task Dispatch_EveryAction_CallsTheMatchingBotApiMethod()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-actions", token);
        var until = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        await QueueAsync(ws, channel,
            ("send_text", new JsonObject { ["text"] = "请勿发广告", ["replyToExternalEventId"] = $"{Chat}:42" }),
            ("send_image", new JsonObject { ["imageUrl"] = "https://img.example/welcome.png", ["caption"] = "欢迎" }),
            ("delete_message", new JsonObject { ["externalEventId"] = $"{Chat}:42", ["externalUserId"] = "1001" }),
            ("mute", new JsonObject { ["externalUserId"] = "1001", ["until"] = until.ToString("O") }),
            ("unmute", new JsonObject { ["externalUserId"] = "1001" }),
            ("kick", new JsonObject { ["externalUserId"] = "1001" }),
            ("ban", new JsonObject { ["externalUserId"] = "1002" }),
            ("unban", new JsonObject { ["externalUserId"] = "1002" }),
            ("create_invite_link", new JsonObject { ["inviterExternalUserId"] = "2002" }),
            ("revoke_invite_link", new JsonObject { ["inviteLink"] = "https://t.me/+old" }),
            ("pin", new JsonObject { ["externalEventId"] = $"{Chat}:43", ["silent"] = true }),
            ("set_title", new JsonObject { ["title"] = "产品内测群（二期）" }),
            ("leave", new JsonObject()));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var calls = Telegram.ActionsOf(token);
        Assert.Equal(
            ["sendMessage", "sendPhoto", "deleteMessage", "restrictChatMember", "restrictChatMember", "banChatMember", "unbanChatMember",
                "banChatMember", "unbanChatMember", "createChatInviteLink", "revokeChatInviteLink", "pinChatMessage", "setChatTitle", "leaveChat"],
            calls.Select(c => c.Method));
        Assert.All(calls, c => Assert.Equal(Chat, c["chat_id"]));
        Assert.Equal("请勿发广告", calls[0]["text"]);
        Assert.Equal("42", calls[0].Parameters["reply_parameters"]!["message_id"]!.ToString());
        Assert.Equal("https://img.example/welcome.png", calls[1]["photo"]);
        Assert.Equal("欢迎", calls[1]["caption"]);
        Assert.Equal("42", calls[2]["message_id"]);
        Assert.Equal(("1001", until.ToUnixTimeSeconds().ToString()), (calls[3]["user_id"], calls[3]["until_date"]));
        Assert.False(calls[3].Parameters["permissions"]!["can_send_messages"]?.GetValue<bool>() ?? false); // Telegram reads a missing flag as false
        Assert.True(calls[4].Parameters["permissions"]!["can_send_messages"]!.GetValue<bool>());
        Assert.Equal(("1001", "1001", "true"), (calls[5]["user_id"], calls[6]["user_id"], calls[6]["only_if_banned"]));
        Assert.Equal(("1002", "1002"), (calls[7]["user_id"], calls[8]["user_id"]));
        Assert.Equal("qy-m:2002", calls[9]["name"]);
        Assert.Equal("https://t.me/+old", calls[10]["invite_link"]);
        Assert.Equal(("43", "true"), (calls[11]["message_id"], calls[11]["disable_notification"]));
        Assert.Equal("产品内测群（二期）", calls[12]["title"]);
        var rows = await ws.RowsAsync();
        Assert.All(rows.Values, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
    }

    [Fact]
    public async Task Dispatch_TooManyRequestsThenServerError_DeliversOnceAfterWaiting()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-outage", token);
        Telegram.Fail("sendMessage", HttpStatusCode.TooManyRequests, retryAfterSeconds: 7);
        Telegram.Fail("sendMessage", HttpStatusCode.InternalServerError);
        await QueueAsync(ws, channel, ("send_text", new JsonObject { ["text"] = "稍后送达" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var sends = Telegram.Calls.Where(c => c.Token == token && c.Method == "sendMessage").ToList();
        Assert.Equal(3, sends.Count);
        var row = Assert.Single((await ws.RowsAsync()).Values);
        Assert.Equal(OutboxStatus.Delivered, row.Status);
    }

    [Fact]
    public async Task Dispatch_RevokedToken_IsPermanentAndMarksTheChannelUnhealthy()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-action-revoked", token);
        Telegram.Revoke(token);
        await QueueAsync(ws, channel, ("ban", new JsonObject { ["externalUserId"] = "1001" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var row = Assert.Single((await ws.RowsAsync()).Values);
        Assert.NotEqual(OutboxStatus.Delivered, row.Status);
        Assert.Contains("Unauthorized", row.LastError);
        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/telegram")).ReadJsonAsync();
        Assert.False(status.GetProperty("healthy").GetBoolean());
        Assert.Equal("401: Unauthorized", status.GetProperty("lastError").GetString());
    }

    private static async Task QueueAsync(TestWorkspace ws, Guid channel, params (string Action, JsonObject Payload)[] actions)
    {
        await using var db = ws.OpenDb();
        var index = 0;
        foreach (var (action, payload) in actions)
        {
            payload["externalGroupId"] = Chat;
            OutboxScenario.AddRaw(db, channel, action, payload.ToJsonString(), $"{ws.Id}:{action}:{index++}", ws.App.Clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }
}
