using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Events;
using Qunyun.Features.Accounts;
using Qunyun.Features.Events;
using Qunyun.Features.Points;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Points;

public sealed class PointsApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private const string Group = "g-points";

    [Fact]
    public async Task CheckInEvents_FromTheApi_EarnOncePerLocalDay_EvenWhenProcessedAgain()
    {
        var (ws, channel) = await WorkspaceAsync("pts-api");
        var now = app.Clock.GetUtcNow();
        await ws.Client.IngestAsync(
            CheckIn(channel, "c-1", "u1", now.AddDays(-2)),
            CheckIn(channel, "c-2", "u1", now.AddDays(-1)),
            CheckIn(channel, "c-3", "u1", now),
            CheckIn(channel, "c-3b", "u1", now.AddMinutes(-1)));
        await app.DrainAsync();

        await ProcessCheckInsAgainAsync(ws);

        var member = await MemberAsync(ws, "u1");
        var points = await PointsAsync(ws, member);
        Assert.Equal((15L, 3), (points.Balance, points.Streak));
        Assert.Equal(3, points.Recent.Count);
        Assert.All(points.Recent, e => Assert.Equal(PointsReason.CheckIn, e.Reason));
    }

    [Fact]
    public async Task ManualAdjustment_IsValidated_AndAppendsAnEntryWithItsAuthor()
    {
        var (ws, _) = await WorkspaceAsync("pts-adjust");
        var member = await ws.Client.CreateMemberAsync("张三");
        var url = $"/api/v1/members/{member}/points";

        Assert.Equal(["Delta"], await (await ws.Client.PostAsJsonAsync(url, new { delta = 0, note = "x" })).ValidationFieldsAsync());
        Assert.Equal(["Delta"], await (await ws.Client.PostAsJsonAsync(url, new { delta = 100_001, note = "x" })).ValidationFieldsAsync());
        Assert.Equal(["Delta"], await (await ws.Client.PostAsJsonAsync(url, new { delta = -1, note = "x" })).ValidationFieldsAsync()); // below zero
        Assert.Equal(["Delta"], await (await ws.Client.PostAsJsonAsync(url, new { delta = long.MinValue, note = "x" })).ValidationFieldsAsync()); // no overflow
        Assert.Equal(["Note"], await (await ws.Client.PostAsJsonAsync(url, new { delta = 10, note = " " })).ValidationFieldsAsync());
        Assert.Equal(["Note"], await (await ws.Client.PostAsJsonAsync(url, new { delta = 10, note = new string('分', 201) })).ValidationFieldsAsync());
        Assert.Equal(["Delta", "Note"], (await (await ws.Client.PostAsJsonAsync(url, new { })).ValidationFieldsAsync()).Order());

        var added = await ws.Client.PostAsJsonAsync(url, new { delta = 100_000, note = "年度贡献奖" });
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var deducted = await ws.Client.PostAsJsonAsync(url, new { delta = -30, note = "更正：重复发放" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var points = (await deducted.Content.ReadFromJsonAsync<MemberPointsResponse>(Infrastructure.Api.Json))!;
        Assert.Equal(99_970, points.Balance);
        Assert.Equal(["更正：重复发放", "年度贡献奖"], points.Recent.Select(e => e.Note));
        Assert.All(points.Recent, e => Assert.Equal(PointsReason.Manual, e.Reason));
        Assert.All(points.Recent, e => Assert.False(string.IsNullOrEmpty(e.Actor)));
    }

    [Fact]
    public async Task Settings_AreValidated_AndChangeTheNextAward()
    {
        var (ws, channel) = await WorkspaceAsync("pts-settings");
        var bad = await ws.Client.PutAsJsonAsync("/api/v1/points/settings", new { perCheckIn = -1, streakBonus = 10_001, bonusEvery = 1 });
        Assert.Equal(["BonusEvery", "PerCheckIn", "StreakBonus"], (await bad.ValidationFieldsAsync()).Order());

        var saved = await ws.Client.PutAsJsonAsync("/api/v1/points/settings", new { enabled = true, perCheckIn = 3, streakBonus = 10, bonusEvery = 2 });
        Assert.Equal(new PointsSettingsResponse(true, 3, 10, 2), await saved.Content.ReadFromJsonAsync<PointsSettingsResponse>(Infrastructure.Api.Json));
        var now = app.Clock.GetUtcNow();
        await ws.Client.IngestAsync(CheckIn(channel, "s-1", "u1", now.AddDays(-1)), CheckIn(channel, "s-2", "u1", now));
        await app.DrainAsync();

        Assert.Equal(16, (await PointsAsync(ws, await MemberAsync(ws, "u1"))).Balance);
        Assert.Equal(new PointsSettingsResponse(true, 3, 10, 2), await ws.Client.GetFromJsonAsync<PointsSettingsResponse>("/api/v1/points/settings", Infrastructure.Api.Json));
    }

    [Fact]
    public async Task Leaderboard_RanksByBalance_AndValidatesTop()
    {
        var (ws, _) = await WorkspaceAsync("pts-board");
        foreach (var (name, delta) in new[] { ("甲", 30), ("乙", 50), ("丙", 10) })
        {
            var member = await ws.Client.CreateMemberAsync(name);
            await ws.Client.PostOkAsync($"/api/v1/members/{member}/points", new { delta, note = "活动" });
        }

        var board = await ws.Client.GetFromJsonAsync<List<LeaderboardRow>>("/api/v1/points/leaderboard?top=2", Infrastructure.Api.Json);

        Assert.Equal([(1, "乙", 50L), (2, "甲", 30L)], board!.Select(r => (r.Rank, r.DisplayName, r.Balance)));
        Assert.Equal(["Top"], await (await ws.Client.GetAsync("/api/v1/points/leaderboard?top=0")).ValidationFieldsAsync());
    }

    [Fact]
    public async Task AnotherWorkspace_CannotReadOrAdjustAMembersPoints_NorSeeThemOnItsLeaderboard()
    {
        var (a, _) = await WorkspaceAsync("pts-iso-a");
        var (b, _) = await WorkspaceAsync("pts-iso-b");
        var member = await b.Client.CreateMemberAsync("B 的成员");
        await b.Client.PostOkAsync($"/api/v1/members/{member}/points", new { delta = 40, note = "B 发放" });

        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/api/v1/members/{member}/points")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.PostAsJsonAsync($"/api/v1/members/{member}/points", new { delta = -40, note = "A 扣除" })).StatusCode);
        Assert.Empty((await a.Client.GetFromJsonAsync<List<LeaderboardRow>>("/api/v1/points/leaderboard", Infrastructure.Api.Json))!);
        Assert.Equal(40, (await PointsAsync(b, member)).Balance);
    }

    [Fact]
    public async Task Analyst_CanReadPoints_ButNotAdjust()
    {
        var (ws, _) = await WorkspaceAsync("pts-analyst");
        var member = await ws.Client.CreateMemberAsync("m");
        var analyst = await app.ClientAsync(ws.Id, Roles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/members/{member}/points")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/v1/members/{member}/points", new { delta = 5, note = "x" })).StatusCode);
    }

    [Fact]
    public async Task Merge_MovesTheLedgerToTheSurvivor_AndUndoMovesItBack()
    {
        var (ws, channel) = await WorkspaceAsync("pts-merge");
        var now = app.Clock.GetUtcNow();
        await ws.Client.IngestAsync(CheckIn(channel, "m-1", "old", now.AddDays(-1)), CheckIn(channel, "m-2", "new", now));
        await app.DrainAsync();
        var (absorbed, survivor) = (await MemberAsync(ws, "old"), await MemberAsync(ws, "new"));

        var merge = await ws.Client.PostOkAsync($"/api/v1/members/{absorbed}/merge", new { into = survivor });
        var merged = await PointsAsync(ws, survivor);
        Assert.Equal((10L, 2), (merged.Balance, merged.Streak));

        var undo = await ws.Client.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetGuid()}/undo", null);
        Assert.True(undo.IsSuccessStatusCode, await undo.Content.ReadAsStringAsync());
        Assert.Equal(5, (await PointsAsync(ws, survivor)).Balance);
        Assert.Equal(5, (await PointsAsync(ws, absorbed)).Balance);
    }

    /// <summary>Runs the points stage once more over every processed check-in, as a replay of the pipeline would.</summary>
    private async Task ProcessCheckInsAgainAsync(TestWorkspace ws)
    {
        var stage = app.Services.GetServices<IPipelineStage>().OfType<PointsStage>().Single();
        await using var db = ws.OpenDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var processed = new List<ProcessedEvent>();
        foreach (var e in await db.Events.AsNoTracking().Where(e => e.Kind == "check_in").OrderBy(e => e.Id).ToListAsync())
        {
            var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == e.MemberId);
            processed.Add(new ProcessedEvent(e, EventKind.CheckIn, new EventPayload(null, null, null, null, null, null, null, null, null), member, null));
        }

        await stage.RunAsync(new PipelineBatch(db, processed, app.Clock), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static object CheckIn(Guid channel, string id, string user, DateTimeOffset at) => Infrastructure.Events.Of("check_in", channel, id, Group, user, at);

    private async Task<(TestWorkspace Ws, Guid Channel)> WorkspaceAsync(string slug)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        return (ws, await ws.Client.CreateChannelAsync());
    }

    private static async Task<Guid> MemberAsync(TestWorkspace ws, string name)
    {
        await using var db = ws.OpenDb();
        return await db.Members.Where(m => m.DisplayName == name).Select(m => m.Id).SingleAsync();
    }

    private static async Task<MemberPointsResponse> PointsAsync(TestWorkspace ws, Guid member) =>
        (await ws.Client.GetFromJsonAsync<MemberPointsResponse>($"/api/v1/members/{member}/points", Infrastructure.Api.Json))!;
}
