using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Channels;
using Qunyun.Features.LiveCodes;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.LiveCodes;

public sealed class LiveCodeStatsTests : IClassFixture<QunyunApp>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private readonly QunyunApp _app;

    public LiveCodeStatsTests(QunyunApp app) => _app = app.With("LiveCodes:ScansPerClientPerMinute", "100000");

    [Fact]
    public async Task Stats_EqualTheHandCountedFixture_AndJoinersGetThePoolAsAcquisitionChannel()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-stats");
        var channel = await ws.Client.CreateChannelAsync();
        var a = await ws.Client.CreateGroupAsync(channel, "A", externalId: "chat-a");
        var b = await ws.Client.CreateGroupAsync(channel, "B", externalId: "chat-b");
        await JoinAsync(ws, channel, "chat-a", "old", _app.Clock.GetUtcNow()); // in the group before the pool: not a pool join
        var pool = await ws.CreatePoolAsync("stats", new { groupId = a, joinUrl = "https://t.me/+a" }, new { groupId = b, joinUrl = "https://t.me/+b" });
        await using (var db = ws.OpenDb())
        {
            Assert.Equal(1, await db.Set<LiveCodePoolGroup>().Where(g => g.GroupId == a).Select(g => g.BaselineMembers).SingleAsync());
        }

        var code = await InviteCodeAsync(ws, a);
        var start = _app.Clock.GetUtcNow();
        foreach (var (visitor, source) in new[] { (1, "poster"), (1, "poster"), (2, "article"), (3, null), (4, null) })
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
            await _app.ScanAsync(pool.Path + (source is null ? "" : $"?s={source}"), LiveCodeScanning.Visitor(visitor));
        }

        var joined = start.AddHours(1);
        await JoinAsync(ws, channel, "chat-a", "u1", joined, code);
        await JoinAsync(ws, channel, "chat-a", "u2", joined.AddMinutes(1), code);
        await JoinAsync(ws, channel, "chat-a", "u3", joined.AddMinutes(2));
        await JoinAsync(ws, channel, "chat-a", "u4", start.AddDays(4)); // 4 days after the last scan, through no pool link: not counted
        await ws.Client.IngestAsync(Infrastructure.Events.Of("member_left", channel, "left-u2", "chat-a", "u2", start.AddDays(3)));
        await _app.DrainAsync();
        _app.Clock.Advance(TimeSpan.FromDays(8));
        await _app.RunUpkeepAsync();
        await _app.RunUpkeepAsync(); // twice: nothing counted twice

        var stats = (await ws.Client.GetFromJsonAsync<PoolStatsResponse>($"/api/v1/live-codes/{pool.Id}/stats", Infrastructure.Api.Json))!;
        Assert.Equal(new FunnelNumbers(5, 4, 3, 2, 0), stats.Pool);
        Assert.Equal([new FunnelNumbers(5, 4, 3, 2, 0), new FunnelNumbers(0, 0, 0, 0, 0)], stats.Groups.Select(g => g.Numbers));
        Assert.Equal([("", 2, 3), ("poster", 2, 0), ("article", 1, 0)], stats.Sources.Select(s => (s.Source, s.Scans, s.Joins)));
        await using var read = ws.OpenDb();
        var joins = await read.Set<LiveCodeJoin>().Join(read.Members, j => j.MemberId, m => m.Id, (j, m) => new { m.DisplayName, j.Exact }).OrderBy(j => j.DisplayName).ToListAsync();
        Assert.Equal([("u1", true), ("u2", true), ("u3", false)], joins.Select(j => (j.DisplayName, j.Exact)));
        var acquired = await read.MemberAttributes.Where(x => x.Key == LiveCodeUpkeep.AcquisitionChannel || x.Key == LiveCodeUpkeep.AcquisitionPool)
            .Join(read.Members, x => x.MemberId, m => m.Id, (x, m) => m.DisplayName + ":" + x.Value).OrderBy(x => x).ToListAsync();
        Assert.Equal(["u1:live-code", "u1:stats", "u2:live-code", "u2:stats", "u3:live-code", "u3:stats"], acquired);
    }

    [Fact]
    public async Task UploadedQrCodes_AreRemindedBeforeTheyExpire_AndSkippedOnceExpired()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-expiry");
        var channel = await ws.Client.CreateChannelAsync("个人微信", ChannelKind.WeChat);
        var a = await ws.CreateRoomyGroupAsync(channel, "一群");
        var b = await ws.Client.CreateGroupAsync(channel, "二群");
        var pool = await ws.CreatePoolAsync("微信活码", new { groupId = a }, new { groupId = b });
        Assert.Equal([PoolGroupState.NeedsQr, PoolGroupState.NeedsQr], pool.Groups.Select(g => g.State));
        Assert.Equal(199, pool.Groups[0].Cap);
        await UploadAsync(ws, pool.Id, a);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await UploadAsync(ws, pool.Id, b);

        var shown = await (await _app.ScanAsync(pool.Path, LiveCodeScanning.Visitor(1))).Content.ReadAsStringAsync();
        var imageUrl = System.Text.RegularExpressions.Regex.Match(shown, "src=\"(/j/[^\"]+)\"").Groups[1].Value;
        Assert.Contains("一群", shown);
        Assert.Equal(Png, await (await _app.Phone().GetAsync(imageUrl)).Content.ReadAsByteArrayAsync());

        _app.Clock.Advance(TimeSpan.FromHours(84)); // a expires in a day and a half: not yet within the reminder's day
        await _app.RunUpkeepAsync();
        Assert.Empty((await AttentionAsync(ws)).ExpiringQrCodes);

        _app.Clock.Advance(TimeSpan.FromHours(13));
        await _app.RunUpkeepAsync();
        Assert.Equal([("一群", false)], (await AttentionAsync(ws)).ExpiringQrCodes.Select(q => (q.Group, q.Expired)));

        _app.Clock.Advance(TimeSpan.FromHours(24));
        var after = await (await _app.ScanAsync(pool.Path, LiveCodeScanning.Visitor(2))).Content.ReadAsStringAsync();
        Assert.Contains("二群", after);
        Assert.DoesNotContain("一群", after);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Phone().GetAsync(imageUrl)).StatusCode);
        Assert.Equal([PoolGroupState.NeedsQr, PoolGroupState.Current], (await ws.PoolAsync(pool.Id)).Groups.Select(g => g.State));
        Assert.Equal([("一群", true)], (await AttentionAsync(ws)).ExpiringQrCodes.Select(q => (q.Group, q.Expired)));
        Assert.Equal(["ExpiresAt"], await (await ws.Client.PutAsJsonAsync($"/api/v1/live-codes/{pool.Id}/groups/{a}/qr",
            new { image = Convert.ToBase64String(Png), expiresAt = _app.Clock.GetUtcNow().AddDays(8) })).ValidationFieldsAsync());
    }

    private async Task UploadAsync(TestWorkspace ws, Guid pool, Guid group)
    {
        var response = await ws.Client.PutAsJsonAsync($"/api/v1/live-codes/{pool}/groups/{group}/qr", new { image = Convert.ToBase64String(Png) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<LiveCodeAttention> AttentionAsync(TestWorkspace ws) =>
        (await ws.Client.GetFromJsonAsync<LiveCodeAttention>("/api/v1/live-codes/attention", Infrastructure.Api.Json))!;

    private static async Task<string> InviteCodeAsync(TestWorkspace ws, Guid group)
    {
        await using var db = ws.OpenDb();
        return await db.Set<LiveCodePoolGroup>().Where(g => g.GroupId == group).Select(g => g.InviteCode).SingleAsync();
    }

    private async Task JoinAsync(TestWorkspace ws, Guid channel, string chat, string user, DateTimeOffset at, string? code = null)
    {
        var join = Infrastructure.Events.Of("member_joined", channel, $"join-{chat}-{user}", chat, user, at);
        var invite = new { kind = "invite_accepted", channelId = channel, externalEventId = $"invite-{chat}-{user}", externalGroupId = chat, externalUserId = user, occurredAt = at, invite = new { inviteCode = code } };
        await ws.Client.IngestAsync(code is null ? [join] : [join, invite]);
        await _app.DrainAsync();
    }
}
