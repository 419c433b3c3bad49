using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Data;
using Qunyun.Features.Connectors.WeCom;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>The initial sync against the fake API: paging, tokens that expire mid-sync, a rate limit, and attribution.</summary>
public sealed class WeComSyncTests(WeComApp app) : IClassFixture<WeComApp>
{
    [Fact]
    public async Task InitialSync_SeveralHundredGroups_PagedThroughWithExpiredTokenAndRateLimit()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-sync");
        var joined = app.Host.Clock.GetUtcNow().AddDays(-3).ToUnixTimeSeconds();
        for (var i = 0; i < 260; i++)
        {
            app.WeCom.AddGroup($"wr-sync-{i:D3}", $"读书会 {i}", "owner-1", new FakeMember($"wm-a-{i}", "甲", joined), new FakeMember($"wm-b-{i % 7}", "乙", joined));
        }

        app.WeCom.ExpireTokensAfter(150);
        app.WeCom.FailOnce("externalcontact/groupchat/list", 45009);

        var started = await ws.Client.PostAsync($"/api/v1/channels/{channel}/wecom/sync", null);
        var progress = await app.WaitForSyncAsync(ws, channel);
        await app.Host.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Null(progress.ErrorCode);
        Assert.True(progress.Groups >= 260);
        Assert.True(app.WeCom.CallsOf("externalcontact/groupchat/list").Count >= 4); // 100 per page, plus the rate-limited try
        Assert.True(app.WeCom.CallsOf("gettoken").Count >= 2); // the expired token was renewed
        await using var db = ws.OpenDb();
        Assert.Equal(260, await db.Groups.CountAsync(g => g.ExternalId.StartsWith("wr-sync-")));
        Assert.Equal("读书会 7", await db.Groups.Where(g => g.ExternalId == "wr-sync-007").Select(g => g.Name).SingleAsync());
        Assert.Equal(520, await db.Memberships.CountAsync());
        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/wecom")).ReadJsonAsync();
        Assert.True(status.GetProperty("groups").GetArrayLength() >= 260);

        var events = await db.Events.CountAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await ws.Client.PostAsync($"/api/v1/channels/{channel}/wecom/sync", null)).StatusCode);
        await app.WaitForSyncAsync(ws, channel);
        await app.Host.DrainAsync();
        Assert.Equal(events, await db.Events.CountAsync()); // a second sync stores nothing twice
    }

    [Fact]
    public async Task JoinByCodeInTheGroup_StateBecomesTheMembersAcquisitionChannel()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-state");
        var now = app.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        app.WeCom.AddGroup("wr-state-1", "新人群", "owner-1", new FakeMember("wm-new-1", "小李", now - 5, State: "spring-fair", Invitor: "zhangsan"));
        var xml = "<xml><ToUserName><![CDATA[c]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
            + $"<CreateTime>{now - 5}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>"
            + "<ChatId><![CDATA[wr-state-1]]></ChatId><ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[add_member]]></UpdateDetail>"
            + "<JoinScene>3</JoinScene><MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA[wm-new-1]]></Item></MemChangeList></xml>";

        var response = await app.SendCallbackAsync(channel, xml);
        await using var db = ws.OpenDb();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await db.Events.AnyAsync(e => e.Kind == "invite_accepted"))
        {
            await Task.Delay(50, timeout.Token);
        }

        await app.Host.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invite = await db.Events.SingleAsync(e => e.Kind == "invite_accepted");
        Assert.Equal(("wm-new-1", "wr-state-1"), (invite.ExternalUserId, invite.ExternalGroupId));
        Assert.Contains("\"inviteCode\":\"spring-fair\"", invite.Payload);
        Assert.Contains("\"inviterExternalUserId\":\"zhangsan\"", invite.Payload);
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "member_joined"));
    }

    [Fact]
    public async Task WrongSecret_SyncStopsWithTheReason_AndTheChannelIsUnhealthy()
    {
        var ws = await app.Host.CreateWorkspaceAsync("wecom-wrong-secret");
        var credentials = WeComApp.Credentials with { Secret = "wrong" };
        var channel = (await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "WeCom", name = "错误的企业微信", credentials = credentials.Serialize() })).GetProperty("id").GetGuid();

        await ws.Client.PostAsync($"/api/v1/channels/{channel}/wecom/sync", null);
        var progress = await app.WaitForSyncAsync(ws, channel);

        Assert.Equal(40001, progress.ErrorCode);
        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/wecom")).ReadJsonAsync();
        Assert.False(status.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task SyncProgress_KeptInTheDatabase_ARunCutShortByARestartEndsInterrupted()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-sync-restart");
        var factory = app.Host.Services.GetRequiredService<QunyunDbFactory>();
        var before = new WeComSyncRuns(factory, app.Host.Clock);
        Assert.True(await before.TryStartAsync(ws.Id, channel, CancellationToken.None));
        await before.FoundAsync(ws.Id, channel, 3, CancellationToken.None);
        await before.GroupDoneAsync(ws.Id, channel, 12, CancellationToken.None);
        var refused = await ws.Client.PostAsync($"/api/v1/channels/{channel}/wecom/sync", null);

        var after = new WeComSyncRuns(factory, app.Host.Clock); // what a restarted process has: the database only
        var running = await after.ProgressOfAsync(ws.Id, channel, CancellationToken.None);
        await after.EndInterruptedAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal((true, 3, 1, 12), (running!.Running, running.Groups, running.GroupsDone, running.Members));
        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/wecom")).ReadJsonAsync();
        var sync = status.GetProperty("sync");
        Assert.False(sync.GetProperty("running").GetBoolean());
        Assert.Equal((WeComException.Interrupted, 1), (sync.GetProperty("errorCode").GetInt32(), sync.GetProperty("groupsDone").GetInt32()));
        Assert.True(await after.TryStartAsync(ws.Id, channel, CancellationToken.None));
    }
}
