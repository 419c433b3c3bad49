using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Connectors.WeCom;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>Callbacks answered before a stop are in the inbox; the next process's worker stores them, each once.</summary>
public sealed class WeComInboxRestartTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly List<WeComApp> _apps = [];

    private static string Join(string member, long time) =>
        $"<xml><ToUserName><![CDATA[{FakeWeComServer.CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>{time}</CreateTime>"
        + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event><ChangeType><![CDATA[update]]></ChangeType>"
        + $"<ChatId><![CDATA[wrRestart]]></ChatId><UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>1</JoinScene>"
        + $"<MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA[{member}]]></Item></MemChangeList></xml>";

    private async Task<WeComApp> StartAsync(bool inboxWorker)
    {
        var app = new WeComApp(new QunyunApp(_database));
        _apps.Add(app);
        await app.InitializeAsync();
        app.Host.With("WeCom:RunInboxWorker", inboxWorker ? "true" : "false");
        return app;
    }

    [Fact]
    public async Task Restart_InboxEntriesLeftOver_TheWorkerStoresThem_NothingTwice()
    {
        var first = await StartAsync(inboxWorker: false);
        var (ws, channel) = await first.ConnectAsync("wecom-restart");
        var now = first.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        await first.PostCallbackAsync(channel, Join("wmDone", now - 60));
        WeComInboxEntry done;
        await using (var db = ws.OpenDb())
        {
            done = await db.WeComInbox.AsNoTracking().SingleAsync();
        }

        await first.DrainInboxAsync();
        await using (var db = ws.OpenDb())
        {
            // The stop came after its events were stored and before its entry was deleted.
            db.WeComInbox.Add(done);
            await db.SaveChangesAsync();
        }

        var left = await first.PostCallbackAsync(channel, Join("wmLeft", now - 30)); // answered, then the process stops
        _apps.Remove(first);
        await first.DisposeAsync();

        var second = await StartAsync(inboxWorker: true);
        await using var after = second.Host.Db.Create(ws.Id); // building the host starts its workers
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await after.WeComInbox.AnyAsync(timeout.Token))
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(["wmDone", "wmLeft"], (await after.Events.Select(e => e.ExternalUserId!).ToListAsync()).Order(StringComparer.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
