using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Points;
using Qunyun.Tests.Bot;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Points;

/// <summary>签到 and 我的积分 typed in a group: awards once per local day (Asia/Shanghai, the default zone), streaks, the 7th-day bonus.</summary>
public sealed class PointsCommandTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task CheckInTwiceOnOneDay_AwardsOnce_AndTheSecondReplySaysSo()
    {
        var world = await BotWorld.CreateAsync(app, "pts-twice");

        await world.SayAsync("小明", "签到");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.SayAsync("小明", "/签到");
        await app.DrainAsync();

        Assert.Equal(["小明 签到成功！获得 5 积分，已连续签到 1 天，当前积分 5。", "小明 今天已经签到过了，明天再来吧！已连续签到 1 天，当前积分 5。"],
            await world.TextsAsync());
        var member = await MemberAsync(world, "小明");
        var points = await PointsAsync(world, member);
        Assert.Equal(5, points.Balance);
        Assert.Equal([PointsReason.CheckIn], points.Recent.Select(e => e.Reason));
        await using var db = world.Workspace.OpenDb();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "check_in" && e.MemberId == member));
    }

    [Fact]
    public async Task Streak_ContinuesAcrossLocalMidnight_InTheWorkspaceTimeZone()
    {
        var world = await BotWorld.CreateAsync(app, "pts-midnight");
        AdvanceToUtc(new TimeOnly(15, 59)); // 23:59 in Shanghai

        await world.SayAsync("夜猫子", "签到");
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // 00:01 the next local day, the same UTC day
        await world.SayAsync("夜猫子", "签到");

        Assert.Equal("夜猫子 签到成功！获得 5 积分，已连续签到 2 天，当前积分 10。", (await world.TextsAsync())[^1]);
        var points = await PointsAsync(world, await MemberAsync(world, "夜猫子"));
        Assert.Equal((10, 2, true), (points.Balance, points.Streak, points.CheckedInToday));
    }

    [Fact]
    public async Task SeventhConsecutiveDay_EarnsTheStreakBonus_AndAGapStartsOver()
    {
        var world = await BotWorld.CreateAsync(app, "pts-bonus");
        for (var day = 0; day < 7; day++)
        {
            await world.SayAsync("坚持者", "签到");
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal("坚持者 签到成功！获得 25 积分（含连续签到奖励 20），已连续签到 7 天，当前积分 55。", (await world.TextsAsync())[^1]);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await world.SayAsync("坚持者", "签到");

        Assert.Equal("坚持者 签到成功！获得 5 积分，已连续签到 1 天，当前积分 60。", (await world.TextsAsync())[^1]);
        var points = await PointsAsync(world, await MemberAsync(world, "坚持者"));
        Assert.Single(points.Recent, e => e.Reason == PointsReason.StreakBonus && e.Delta == 20);
    }

    [Fact]
    public async Task MyPoints_RepliesWithTheBalanceAndStreak_IncludingManualEntries()
    {
        var world = await BotWorld.CreateAsync(app, "pts-mine");
        await world.SayAsync("小红", "checkin");
        var member = await MemberAsync(world, "小红");
        await world.Workspace.Client.PostOkAsync($"/api/v1/members/{member}/points", new { delta = 100, note = "分享奖励" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.SayAsync("小红", "我的积分");

        Assert.Equal("小红 当前积分 105，已连续签到 1 天。", (await world.TextsAsync())[^1]);
    }

    [Fact]
    public async Task CommandsOfOneBatch_EachSeeTheCheckInsBeforeThem()
    {
        var world = await BotWorld.CreateAsync(app, "pts-batch");
        await world.SayAsync("小红", "我的积分");
        var red = await MemberAsync(world, "小红");
        await world.Workspace.Client.PostOkAsync($"/api/v1/members/{red}/points", new { delta = 100, note = "分享奖励" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.SayAllAsync(("小明", "签到"), ("小红", "签到"), ("小明", "我的积分"), ("小明", "签到"), ("小红", "我的积分"));

        Assert.Equal(
        [
            "小明 签到成功！获得 5 积分，已连续签到 1 天，当前积分 5。",
            "小红 签到成功！获得 5 积分，已连续签到 1 天，当前积分 105。",
            "小明 当前积分 5，已连续签到 1 天。",
            "小明 今天已经签到过了，明天再来吧！已连续签到 1 天，当前积分 5。",
            "小红 当前积分 105，已连续签到 1 天。",
        ], (await world.TextsAsync())[^5..]);
        await using var db = world.Workspace.OpenDb();
        Assert.Equal(2, await db.Events.CountAsync(e => e.Kind == "check_in"));
    }

    [Fact]
    public async Task MyPointsWords_AreConfigurable_AndTheReplyTemplateToo()
    {
        var world = await BotWorld.CreateAsync(app, "pts-words");
        var words = await world.Workspace.Client.PutAsJsonAsync("/api/v1/bot/words",
            new { checkInWords = "签到", rulesWords = "群规", helpWords = "帮助", myPointsWords = "查分" });
        Assert.True(words.IsSuccessStatusCode);
        await world.Workspace.Client.PostOkAsync("/api/v1/templates",
            new { key = "command-points", name = "Points", purpose = "Command", bodyZh = "{{ member.name }}：{{ points.balance }} 分，连签 {{ checkin.streak }} 天" });

        await world.SayAsync("m", "我的积分");
        await world.SayAsync("m", "查分");

        Assert.Equal(["m：0 分，连签 0 天"], await world.TextsAsync());
    }

    [Fact]
    public async Task DisabledPoints_CheckInIsStillRecorded_ButEarnsNothing()
    {
        var world = await BotWorld.CreateAsync(app, "pts-off");
        var off = await world.Workspace.Client.PutAsJsonAsync("/api/v1/points/settings", new { enabled = false });
        Assert.True(off.IsSuccessStatusCode);

        await world.SayAsync("m", "签到");
        await app.DrainAsync();

        var points = await PointsAsync(world, await MemberAsync(world, "m"));
        Assert.Equal(0, points.Balance);
        Assert.Empty(points.Recent);
        await using var db = world.Workspace.OpenDb();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "check_in"));
    }

    private void AdvanceToUtc(TimeOnly time)
    {
        var now = app.Clock.GetUtcNow();
        var target = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime), time, TimeSpan.Zero);
        app.Clock.SetUtcNow(target > now ? target : target.AddDays(1));
    }

    private static async Task<Guid> MemberAsync(BotWorld world, string name)
    {
        await using var db = world.Workspace.OpenDb();
        return await db.Members.Where(m => m.DisplayName == name).Select(m => m.Id).SingleAsync();
    }

    private static async Task<MemberPointsResponse> PointsAsync(BotWorld world, Guid member) =>
        (await world.Workspace.Client.GetFromJsonAsync<MemberPointsResponse>($"/api/v1/members/{member}/points", Infrastructure.Api.Json))!;
}
