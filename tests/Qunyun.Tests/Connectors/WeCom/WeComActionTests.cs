using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>Outbox actions on a WeCom channel, delivered by the real dispatcher to the fake API.</summary>
public sealed class WeComActionTests(WeComApp app) : IClassFixture<WeComApp>
{
    private const string Chat = "wr-actions-1";

    [Fact]
    public async Task PrivateMessages_OneMassSendPerCustomerPerDay_TheSecondRefusedWithTheReason()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-daily-cap");
        await QueueAsync(ws, channel,
            ("send_private", new JsonObject { ["externalUserId"] = "wm-cap-1", ["text"] = "双十一活动开始啦" }),
            ("send_private", new JsonObject { ["externalUserId"] = "wm-cap-1", ["text"] = "再提醒一次" }),
            ("send_private", new JsonObject { ["externalUserId"] = "wm-cap-2", ["text"] = "双十一活动开始啦" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var sends = app.WeCom.CallsOf("externalcontact/add_msg_template").Where(c => c.Body["external_userid"]?[0]?.ToString() is "wm-cap-1" or "wm-cap-2").ToList();
        Assert.Equal(["wm-cap-1", "wm-cap-2"], sends.Select(s => s.Body["external_userid"]![0]!.ToString()));
        Assert.Equal("single", sends[0].Body["chat_type"]!.ToString());
        var rows = (await ws.RowsAsync()).Values.OrderBy(r => r.Sequence).ToList();
        Assert.Equal([OutboxStatus.Delivered, OutboxStatus.Dead, OutboxStatus.Delivered], rows.Select(r => r.Status));
        Assert.Equal(DeliveryReasons.WeComCustomerDailyCap, DeliveryReason.Read(rows[1].Reason)!.Code);
    }

    [Fact]
    public async Task GroupText_IsAMassSendInTheOwnersName()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-group-send");
        app.WeCom.AddGroup(Chat, "活动群", "owner-lisi");
        await QueueAsync(ws, channel, ("send_text", new JsonObject { ["text"] = "今晚八点直播" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var send = app.WeCom.CallsOf("externalcontact/add_msg_template").Single(c => c.Body["chat_type"]?.ToString() == "group" && c.Body["text"]!["content"]!.ToString() == "今晚八点直播");
        Assert.Equal(("owner-lisi", Chat), (send.Body["sender"]!.ToString(), send.Body["chat_id_list"]![0]!.ToString()));
        Assert.Equal(OutboxStatus.Delivered, Assert.Single((await ws.RowsAsync()).Values).Status);
    }

    [Fact]
    public async Task KickMuteAndDelete_BecomeStaffTasksOrUnsupported_NeverCallWeCom()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-tasks");
        var before = app.WeCom.Calls.Count;
        await QueueAsync(ws, channel,
            ("kick", new JsonObject { ["externalUserId"] = "wm-spam" }),
            ("mute", new JsonObject { ["externalUserId"] = "wm-loud", ["minutes"] = 60 }),
            ("delete_message", new JsonObject { ["externalEventId"] = "m-1" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));
        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var rows = (await ws.RowsAsync()).Values.OrderBy(r => r.Sequence).ToList();
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Unsupported, r.Status));
        Assert.Equal([DeliveryReasons.WeComStaffTask, DeliveryReasons.WeComStaffTask, DeliveryReasons.Cannot], rows.Select(r => DeliveryReason.Read(r.Reason)!.Code));
        await using var db = ws.OpenDb();
        var tasks = await db.WeComStaffTasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Action).ToListAsync();
        Assert.Equal([("kick", "wm-spam", (int?)null), ("mute", "wm-loud", 60)], tasks.Select(t => (t.Action, t.ExternalUserId!, t.Minutes)).OrderBy(t => t.Action));
        Assert.Equal(before, app.WeCom.Calls.Count);

        var done = await ws.Client.PostAsync($"/api/v1/channels/{channel}/wecom/tasks/{tasks[0].Id}/done", null);
        var twice = await ws.Client.PostAsync($"/api/v1/channels/{channel}/wecom/tasks/{tasks[0].Id}/done", null);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (done.StatusCode, twice.StatusCode));
    }

    [Fact]
    public async Task InviteLink_IsAJoinCodeWithTheCampaignAsState()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-invite");
        await QueueAsync(ws, channel, ("create_invite_link", new JsonObject { ["campaign"] = "double11" }));

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(1));

        var call = app.WeCom.CallsOf("externalcontact/groupchat/add_join_way").Last();
        Assert.Equal(("double11", Chat), (call.Body["state"]!.ToString(), call.Body["chat_id_list"]![0]!.ToString()));
        var row = Assert.Single((await ws.RowsAsync()).Values);
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.StartsWith("https://wework.example/join/", row.PlatformRef);
    }

    [Fact]
    public async Task JoinCodeApi_BadInput_400NamingTheField_GoodInputCreatesAndKeepsTheCode()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-join-codes");

        var tooMany = await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/wecom/join-codes",
            new { chatIds = new[] { "a", "b", "c", "d", "e", "f" }, state = "spring", roomBaseName = "春季群" }, Infrastructure.Api.Json);
        var longState = await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/wecom/join-codes",
            new { chatIds = new[] { "a" }, state = new string('s', 31), autoCreateRoom = false }, Infrastructure.Api.Json);
        var created = await ws.Client.PostOkAsync($"/api/v1/channels/{channel}/wecom/join-codes",
            new { chatIds = new[] { "wr-1", "wr-2" }, state = "spring", roomBaseName = "春季读书群", roomBaseId = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.ReadJsonAsync()).GetProperty("errors").TryGetProperty("chatIds", out _));
        Assert.True((await longState.ReadJsonAsync()).GetProperty("errors").TryGetProperty("state", out _));
        Assert.Equal("spring", created.GetProperty("state").GetString());
        var call = app.WeCom.CallsOf("externalcontact/groupchat/add_join_way").Last();
        Assert.Equal((1, "春季读书群", 10), (call.Body["auto_create_room"]!.GetValue<int>(), call.Body["room_base_name"]!.ToString(), call.Body["room_base_id"]!.GetValue<int>()));
        await using var db = ws.OpenDb();
        Assert.Equal("wr-1,wr-2", (await db.WeComJoinCodes.SingleAsync()).Targets);
    }

    [Fact]
    public async Task ContactAddedWithWelcomeCode_TheBotsContactWelcomeGoesOutThroughSendWelcomeMsg()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-welcome");
        await ws.Client.PostOkAsync("/api/v1/templates", new
        {
            key = "contact-welcome",
            name = "加好友欢迎",
            purpose = "PrivateWelcome",
            bodyZh = "欢迎来到{{ workspace.name }}！",
            bodyEn = "Welcome to {{ workspace.name }}!",
        });

        var added = await app.SendCallbackAsync(channel, ContactAdded("wm-welcome-1", "<State><![CDATA[poster-a]]></State><WelcomeCode><![CDATA[WC-1]]></WelcomeCode>"));
        var withoutCode = await app.SendCallbackAsync(channel, ContactAdded("wm-welcome-2", ""));
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(1));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (added.StatusCode, withoutCode.StatusCode));
        var welcome = Assert.Single(app.WeCom.CallsOf("externalcontact/send_welcome_msg"));
        Assert.Equal(("WC-1", "欢迎来到Workspace wecom-welcome！"), (welcome.Body["welcome_code"]!.ToString(), welcome.Body["text"]!["content"]!.ToString()));
        await using var db = ws.OpenDb();
        var row = await db.Outbox.SingleAsync();
        Assert.Equal(("send_private", "bot:contact-welcome:"), (row.Action, row.IdempotencyKey[..20]));
        var invite = await db.Events.SingleAsync(e => e.Kind == "invite_accepted");
        Assert.Contains("\"inviteCode\":\"poster-a\"", invite.Payload);
    }

    private string ContactAdded(string customer, string extra) =>
        "<xml><ToUserName><![CDATA[c]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
        + $"<CreateTime>{app.Host.Clock.GetUtcNow().ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
        + $"<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[{customer}]]></ExternalUserID>{extra}</xml>";

    private static async Task QueueAsync(TestWorkspace ws, Guid channel, params (string Action, JsonObject Payload)[] actions)
    {
        await using var db = ws.OpenDb();
        var index = 0;
        foreach (var (action, payload) in actions)
        {
            payload["externalGroupId"] ??= Chat;
            OutboxScenario.AddRaw(db, channel, action, payload.ToJsonString(), $"{ws.Id}:{action}:{index++}", ws.App.Clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }
}
