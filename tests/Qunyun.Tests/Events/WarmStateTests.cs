using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;

namespace Qunyun.Tests.Events;

/// <summary>
/// The pipeline keeps members, identities and memberships warm between batches; writes outside the pipeline raise the
/// workspace's version so the next batch reloads. With the worker off, an event whose batch failed would stay pending
/// without a member: each test checks the events after the outside write went through the normal path, onto the right member.
/// </summary>
public sealed class WarmStateTests(WarmStateTests.App app) : IClassFixture<WarmStateTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public QunyunApp Host { get; } = new();

        public Task InitializeAsync()
        {
            Host.With("Pipeline:RunWorker", "false");
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
    }

    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ingest_AfterAMerge_CreditsTheAbsorbedAccountToTheSurvivor()
    {
        var ws = await app.Host.CreateWorkspaceAsync("warm-merge");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m1", "g", "u1", Day1), Infrastructure.Events.Message(channel, "m2", "g", "u2", Day1.AddMinutes(1)));
        var (older, newer) = await MembersAsync(ws, "u1", "u2");

        var merged = await ws.Client.PostAsJsonAsync($"/api/v1/members/{newer}/merge", new { into = older });
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m3", "g", "u2", Day1.AddMinutes(2)));

        Assert.True(merged.IsSuccessStatusCode, await merged.Content.ReadAsStringAsync());
        await using var db = ws.OpenDb();
        Assert.Equal(older, (await db.Events.SingleAsync(e => e.ExternalEventId == "m3")).MemberId);
        Assert.Equal(0, await db.PendingEvents.CountAsync());
        Assert.Equal(3, await db.MemberDays.Where(d => d.MemberId == older).SumAsync(d => d.Messages));
    }

    [Fact]
    public async Task Ingest_AfterTheMemberWasDeleted_StartsANewMember()
    {
        var ws = await app.Host.CreateWorkspaceAsync("warm-delete");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m1", "g", "u1", Day1));
        var (gone, _) = await MembersAsync(ws, "u1", "u1");

        var deleted = await ws.Client.DeleteAsync($"/api/v1/members/{gone}");
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m2", "g", "u1", Day1.AddMinutes(1)));

        Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
        await using var db = ws.OpenDb();
        var now = await db.Events.SingleAsync(e => e.ExternalEventId == "m2");
        Assert.NotNull(now.MemberId);
        Assert.NotEqual(gone, now.MemberId);
        Assert.Equal(1, (await db.Groups.SingleAsync()).MemberCount);
    }

    [Fact]
    public async Task Ingest_AfterAnOperatorRenamedTheMember_KeepsTheOperatorsName()
    {
        var ws = await app.Host.CreateWorkspaceAsync("warm-rename");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m1", "g", "u1", Day1, name: "小林"));
        var (member, _) = await MembersAsync(ws, "u1", "u1");

        var renamed = await ws.Client.PutAsJsonAsync($"/api/v1/members/{member}", new { displayName = "林老师（VIP）" });
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m2", "g", "u1", Day1.AddMinutes(1), name: "小林 Lin"));

        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        await using var db = ws.OpenDb();
        Assert.Equal("林老师（VIP）", (await db.Members.SingleAsync()).DisplayName);
        Assert.Equal("小林 Lin", (await db.MemberIdentities.SingleAsync()).DisplayName);
    }

    [Fact]
    public async Task Ingest_AfterAStaffRoleWasGiven_ModerationSeesTheRole()
    {
        var ws = await app.Host.CreateWorkspaceAsync("warm-role");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.PublishDefaultAsync(new { rules = new[] { new { key = "ads", detector = "regex", pattern = "免费领取", actions = new[] { new { type = "delete" } } } } });
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m1", "g", "u1", Day1, "免费领取 1"));
        var (member, _) = await MembersAsync(ws, "u1", "u1");
        Guid group;
        await using (var db = ws.OpenDb())
        {
            group = (await db.Groups.SingleAsync()).Id;
        }

        var promoted = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{member}", new { role = "Admin" });
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m2", "g", "u1", Day1.AddMinutes(1), "免费领取 2"));

        Assert.True(promoted.IsSuccessStatusCode, await promoted.Content.ReadAsStringAsync());
        await using var check = ws.OpenDb();
        Assert.Equal(["m1"], await check.ModerationDecisions.Select(d => d.ExternalEventId!).ToListAsync());
    }

    private static async Task<(Guid First, Guid Second)> MembersAsync(TestWorkspace ws, string first, string second)
    {
        await using var db = ws.OpenDb();
        var ids = await db.MemberIdentities.ToDictionaryAsync(i => i.ExternalUserId, i => i.MemberId);
        return (ids[first], ids[second]);
    }
}
