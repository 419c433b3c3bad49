using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Channels;
using Qunyun.Features.Accounts;
using Qunyun.Features.LiveCodes;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.LiveCodes;

public sealed class LiveCodeRoutingTests : IClassFixture<QunyunApp>
{
    private readonly QunyunApp _app;

    public LiveCodeRoutingTests(QunyunApp app) => _app = app.With("LiveCodes:ScansPerClientPerMinute", "100000");

    [Fact]
    public async Task ConcurrentScans_ForTheLastSeats_NeverOverfillAGroup()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-race");
        var channel = await ws.Client.CreateChannelAsync();
        var a = await ws.Client.CreateGroupAsync(channel, "A");
        var b = await ws.Client.CreateGroupAsync(channel, "B");
        var c = await ws.Client.CreateGroupAsync(channel, "C");
        var pool = await ws.CreatePoolAsync("race",
            new { groupId = a, threshold = 3, joinUrl = "https://t.me/+a" },
            new { groupId = b, threshold = 4, joinUrl = "https://t.me/+b" },
            new { groupId = c, threshold = 5, joinUrl = "https://t.me/+c" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => _app.ScanAsync(pool.Path, LiveCodeScanning.Visitor(i)))));

        var sent = answers.Where(r => r.StatusCode == HttpStatusCode.Redirect).GroupBy(r => r.Headers.Location!.ToString()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["https://t.me/+a"] = 3, ["https://t.me/+b"] = 4, ["https://t.me/+c"] = 5 }, sent);
        Assert.Equal(48, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        var after = await ws.PoolAsync(pool.Id);
        Assert.All(after.Groups, g => Assert.Equal(g.Cap, g.SeatsTaken));
        Assert.All(after.Groups, g => Assert.Equal(PoolGroupState.Full, g.State));
        Assert.Equal(0, after.Runway.FreeSeats);
    }

    [Fact]
    public async Task Scans_RollOverToTheNextGroup_AndTheSameVisitorTakesOneSeat()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-roll");
        var channel = await ws.Client.CreateChannelAsync();
        var a = await ws.Client.CreateGroupAsync(channel, "A");
        var b = await ws.Client.CreateGroupAsync(channel, "B");
        var pool = await ws.CreatePoolAsync("新手群", new { groupId = a, threshold = 2, joinUrl = "https://t.me/+a" }, new { groupId = b, threshold = 2, joinUrl = "https://t.me/+b" });

        var first = await _app.ScanAsync(pool.Path + "?s=poster&r=R1", LiveCodeScanning.Visitor(1));
        var again = await _app.ScanAsync(pool.Path + "?s=poster&r=R1", LiveCodeScanning.Visitor(1));
        var second = await _app.ScanAsync(pool.Path, LiveCodeScanning.Visitor(2));
        var third = await _app.ScanAsync(pool.Path + "?r=R1", LiveCodeScanning.Visitor(3));
        var fresh = await _app.ScanAsync(pool.Path);

        Assert.Equal(["https://t.me/+a", "https://t.me/+a", "https://t.me/+a", "https://t.me/+b", "https://t.me/+b"],
            new[] { first, again, second, third, fresh }.Select(r => r.Headers.Location?.ToString()));
        Assert.Contains(LiveCodeLinks.VisitorCookie + "=", string.Join(';', fresh.Headers.GetValues("Set-Cookie")));
        var full = await _app.ScanAsync(pool.Path, LiveCodeScanning.Visitor(9));
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("data-kind=\"full\"", await full.Content.ReadAsStringAsync());
        Assert.Contains("新手群", await full.Content.ReadAsStringAsync());
        Assert.Equal([2, 2], (await ws.PoolAsync(pool.Id)).Groups.Select(g => g.SeatsTaken));

        await using var db = ws.OpenDb();
        var writer = _app.Services.GetRequiredService<LiveCodeScanWriter>();
        var referrals = await LiveCodeScans.ByReferralAsync(db, writer, pool.Id, ["R1", "R2"], CancellationToken.None);
        Assert.Equal([("R1", 3, 2)], referrals.Select(r => (r.Referral, r.Scans, r.UniqueScanners)));
    }

    [Fact]
    public async Task PausedPools_ShowTheLandingPage_InTheVisitorsLanguage_WithoutTakingASeat()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-paused");
        var channel = await ws.Client.CreateChannelAsync();
        var a = await ws.Client.CreateGroupAsync(channel, "A");
        var pool = await ws.CreatePoolAsync("读书会", new { groupId = a, joinUrl = "https://t.me/+a" });
        var update = await ws.Client.PutAsJsonAsync($"/api/v1/live-codes/{pool.Id}", new { name = "读书会", purpose = "每周共读一本书", paused = true, groups = new[] { new { groupId = a } } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var english = await _app.Phone("en-US").GetAsync(pool.Path);
        var chinese = await _app.Phone("zh-CN").GetAsync(pool.Path);

        var en = await english.Content.ReadAsStringAsync();
        Assert.Contains("data-kind=\"paused\"", en);
        Assert.Contains("<html lang=\"en\"", en);
        Assert.Contains("每周共读一本书", en);
        Assert.Contains("<html lang=\"zh-CN\"", await chinese.Content.ReadAsStringAsync());
        var after = await ws.PoolAsync(pool.Id);
        Assert.Equal((0, "https://t.me/+a"), (after.Groups[0].SeatsTaken, after.Groups[0].JoinUrl));
    }

    [Fact]
    public async Task PublicPages_RevealNothingOfOtherPoolsOrWorkspaces()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-private");
        var other = await _app.CreateWorkspaceAsync("lc-private-other");
        var channel = await ws.Client.CreateChannelAsync();
        var pool = await ws.CreatePoolAsync("秘密项目", new { groupId = await ws.Client.CreateGroupAsync(channel, "内部群"), joinUrl = "https://t.me/+secret" });

        var unknown = await _app.Phone().GetAsync("/j/" + LiveCodeRules.RandomKey());
        var malformed = await _app.Phone().GetAsync("/j/%3Cscript%3E");
        var image = await _app.Phone().GetAsync($"{pool.Path}/qr/{LiveCodeRules.RandomKey()}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, malformed.StatusCode, image.StatusCode));
        var page = await unknown.Content.ReadAsStringAsync();
        Assert.DoesNotContain("秘密项目", page);
        Assert.DoesNotContain(ws.Id.ToString(), page);
        Assert.Equal(22, pool.Path.Length - "/j/".Length);
        Assert.DoesNotContain(pool.Id.ToString("N")[..8], pool.Path);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/live-codes/{pool.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/live-codes/{pool.Id}/stats")).StatusCode);
        Assert.Empty((await other.Client.GetFromJsonAsync<List<PoolSummary>>("/api/v1/live-codes", Infrastructure.Api.Json))!);
    }

    [Fact]
    public async Task BadPools_AreRefusedNamingTheField()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-bad");
        var telegram = await ws.Client.CreateChannelAsync();
        var wecom = await ws.Client.CreateChannelAsync("企业微信", ChannelKind.WeCom);
        var group = await ws.Client.CreateGroupAsync(telegram, "A");
        var customers = await ws.CreateRoomyGroupAsync(wecom, "客户群");
        var analyst = await _app.ClientAsync(ws.Id, Roles.Analyst);

        async Task<string[]> Refused(object body) => await (await ws.Client.PostAsJsonAsync("/api/v1/live-codes", body)).ValidationFieldsAsync();

        Assert.Equal(["Groups"], await Refused(new { name = "x", groups = Array.Empty<object>() }));
        Assert.Equal(["Groups"], await Refused(new { name = "x" }));
        Assert.Equal(["Groups"], await Refused(new { name = "x", groups = new[] { new { groupId = group }, new { groupId = group } } }));
        Assert.Equal(["Name"], await Refused(new { name = " ", groups = new[] { new { groupId = group } } }));
        Assert.Equal(["Groups[0].Threshold"], await Refused(new { name = "x", groups = new[] { new { groupId = group, threshold = 0 } } }));
        Assert.Equal(["Groups[0].Threshold"], await Refused(new { name = "x", groups = new[] { new { groupId = customers, threshold = 200 } } }));
        Assert.Equal(["Groups[1].GroupId"], await Refused(new { name = "x", groups = new[] { new { groupId = group }, new { groupId = Guid.NewGuid() } } }));
        Assert.Equal(["Groups[0].JoinUrl"], await Refused(new { name = "x", groups = new[] { new { groupId = group, joinUrl = "javascript:alert(1)" } } }));
        Assert.Equal(["AlertLeadDays"], await Refused(new { name = "x", alertLeadDays = -1, groups = new[] { new { groupId = group } } }));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/live-codes", new { name = "x", groups = new[] { new { groupId = group } } })).StatusCode);
        var pool = await ws.CreatePoolAsync("ok", new { groupId = customers, threshold = 199 });
        Assert.Equal(199, pool.Groups[0].Cap);
        Assert.Equal(["Image"], await (await ws.Client.PutAsJsonAsync($"/api/v1/live-codes/{pool.Id}/groups/{customers}/qr", new { image = "iVBORw0KGgo=" })).ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.PutAsJsonAsync($"/api/v1/live-codes/{pool.Id}/groups/{group}/qr", new { image = "iVBORw0KGgo=" })).StatusCode);
    }
}
