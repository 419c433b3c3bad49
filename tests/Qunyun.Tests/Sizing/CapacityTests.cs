using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Accounts;
using Qunyun.Features.Sizing;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Sizing;

public sealed class CapacityTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task JoinsPastCapacity_OnTelegram_AreNoticedAndRemoved_InOneBatch()
    {
        var ws = await app.CreateWorkspaceAsync("cap-telegram");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await FullGroupAsync(ws, channel, "tg-full", capacity: 3);

        await JoinAsync(ws, channel, "tg-full", "a", "b", "c", "d", "e");

        await using var db = ws.OpenDb();
        var overflows = await db.CapacityOverflows.AsNoTracking().ToListAsync();
        Assert.Equal(2, overflows.Count);
        Assert.All(overflows, o => Assert.True(o.Removed));
        var turnedAway = await db.Members.Where(m => overflows.Select(o => o.MemberId).Contains(m.Id)).Select(m => m.DisplayName).OrderBy(n => n).ToListAsync();
        Assert.Equal(["d", "e"], turnedAway);
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith("capacity:")).ToListAsync();
        OutboxAssert.ReadBack(outbox);
        Assert.Equal(2, outbox.Count(o => o.Action == ConnectorActions.Kick));
        Assert.Equal(2, outbox.Count(o => o.Action == ConnectorActions.SendText && o.Payload.Contains("已满")));
        Assert.DoesNotContain(outbox, o => o.Payload.Contains("\"a\"") || o.Payload.Contains("\"c\""));
        var size = await ws.Client.GetFromJsonAsync<GroupSizeResponse>($"/api/v1/groups/{group}/size", Infrastructure.Api.Json);
        Assert.Equal((2, 0), (size!.RemovedJoins, size.FlaggedJoins));
    }

    [Fact]
    public async Task JoinsPastCapacity_OnWeCom_AreFlaggedForTheOperators_NotRemoved()
    {
        var ws = await app.CreateWorkspaceAsync("cap-wecom");
        var channel = await ws.Client.CreateChannelAsync("企业微信", ChannelKind.WeCom);
        var group = await FullGroupAsync(ws, channel, "wc-full", capacity: 2);

        await JoinAsync(ws, channel, "wc-full", "a", "b", "c");

        await using var db = ws.OpenDb();
        Assert.False(await db.Outbox.AnyAsync(o => o.IdempotencyKey.StartsWith("capacity:")));
        var size = await ws.Client.GetFromJsonAsync<GroupSizeResponse>($"/api/v1/groups/{group}/size", Infrastructure.Api.Json);
        Assert.Equal((true, 1, 0), (size!.OverCapacity, size.FlaggedJoins, size.RemovedJoins));
        var attention = await ws.Client.GetFromJsonAsync<SizeAttentionResponse>("/api/v1/sizing/attention", Infrastructure.Api.Json);
        Assert.Equal([(group, 1)], attention!.Groups.Select(g => (g.Id, g.FlaggedJoins)));
    }

    [Fact]
    public async Task HistoricalJoins_AndGroupsWithRoom_AreLeftAlone()
    {
        var ws = await app.CreateWorkspaceAsync("cap-room");
        var channel = await ws.Client.CreateChannelAsync();
        await FullGroupAsync(ws, channel, "roomy", capacity: 10);

        await JoinAsync(ws, channel, "roomy", "a", "b", "c");

        await using var db = ws.OpenDb();
        Assert.False(await db.CapacityOverflows.AnyAsync());
    }

    [Fact]
    public async Task Capacity_BelowTheCurrentMembers_IsRefusedNamingTheField()
    {
        var ws = await app.CreateWorkspaceAsync("cap-edit");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await FullGroupAsync(ws, channel, "shrink", capacity: 10);
        await JoinAsync(ws, channel, "shrink", "a", "b", "c");

        var refused = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}", new { name = "shrink", type = "LongTerm", status = "Active", capacity = 2 }, Infrastructure.Api.Json);
        var kept = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}", new { name = "shrink", type = "LongTerm", status = "Active", capacity = 3 }, Infrastructure.Api.Json);

        Assert.Equal(["Capacity"], await refused.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task Thresholds_AreValidated_OwnerOnly_AndDriveTheRecommendation()
    {
        var ws = await app.CreateWorkspaceAsync("cap-thresholds");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await FullGroupAsync(ws, channel, "mid", capacity: 500);
        await JoinAsync(ws, channel, "mid", [.. Enumerable.Range(0, 12).Select(i => $"m{i}")]);
        var operatorClient = await app.ClientAsync(ws.Id, Roles.Operator);

        Assert.Equal(["StableLimit"], await (await ws.Client.PutAsJsonAsync("/api/v1/sizing/thresholds", new { intimateLimit = 150, stableLimit = 50 })).ValidationFieldsAsync());
        Assert.Equal(["StableLimit"], await (await ws.Client.PutAsJsonAsync("/api/v1/sizing/thresholds", new { intimateLimit = 50, stableLimit = 50 })).ValidationFieldsAsync());
        Assert.Equal(["IntimateLimit", "StableLimit"],
            (await (await ws.Client.PutAsJsonAsync("/api/v1/sizing/thresholds", new { intimateLimit = 0, stableLimit = -3 })).ValidationFieldsAsync()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PutAsJsonAsync("/api/v1/sizing/thresholds", new { intimateLimit = 5, stableLimit = 10 })).StatusCode);
        Assert.Equal(SizeRecommendation.None, (await SizeOfAsync(ws, group)).Recommendation);

        Assert.True((await ws.Client.PutAsJsonAsync("/api/v1/sizing/thresholds", new { intimateLimit = 8, stableLimit = 20 })).IsSuccessStatusCode);
        Assert.Equal(SizeRecommendation.NeedsStructure, (await SizeOfAsync(ws, group)).Recommendation);
        Assert.True((await ws.Client.PutAsJsonAsync("/api/v1/sizing/thresholds", new { intimateLimit = 5, stableLimit = 10 })).IsSuccessStatusCode);
        Assert.Equal(SizeRecommendation.Split, (await SizeOfAsync(ws, group)).Recommendation);
        Assert.Equal(new SizeThresholdsResponse(5, 10), await operatorClient.GetFromJsonAsync<SizeThresholdsResponse>("/api/v1/sizing/thresholds", Infrastructure.Api.Json));
        var other = await app.CreateWorkspaceAsync("cap-thresholds-other");
        Assert.Equal(new SizeThresholdsResponse(50, 150), await other.Client.GetFromJsonAsync<SizeThresholdsResponse>("/api/v1/sizing/thresholds", Infrastructure.Api.Json));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/groups/{group}/size")).StatusCode);
    }

    private static async Task<GroupSizeResponse> SizeOfAsync(TestWorkspace ws, Guid group) =>
        (await ws.Client.GetFromJsonAsync<GroupSizeResponse>($"/api/v1/groups/{group}/size", Infrastructure.Api.Json))!;

    private static async Task<Guid> FullGroupAsync(TestWorkspace ws, Guid channel, string externalId, int capacity) =>
        (await ws.Client.PostOkAsync("/api/v1/groups", new { channelId = channel, name = externalId, type = "LongTerm", externalId, capacity })).GetProperty("id").GetGuid();

    private async Task JoinAsync(TestWorkspace ws, Guid channel, string group, params string[] users)
    {
        var at = app.Clock.GetUtcNow();
        await ws.Client.IngestAsync([.. users.Select((u, i) => Infrastructure.Events.Of("member_joined", channel, $"join-{group}-{u}", group, u, at.AddSeconds(i)))]);
        await app.DrainAsync();
    }
}
