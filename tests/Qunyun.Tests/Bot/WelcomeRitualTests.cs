using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Bot;
using Qunyun.Features.Templates;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Bot;

public sealed class WelcomeRitualTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Joins_WithinTheWindow_AreWelcomedInOneMessage()
    {
        var world = await BotWorld.CreateAsync(app, "welcome-batch");
        await world.ConfigureAsync(new { welcomeEnabled = true, welcomeBatchSeconds = 60, welcomeMaxNames = 2 });

        await world.JoinAsync("小王");
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await world.JoinAsync("小李", "小张");
        var early = await world.RunWorkerAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(41));
        var due = await world.RunWorkerAsync();
        var again = await world.RunWorkerAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Equal(0, again);
        var (action, payload) = Assert.Single(await world.SaidAsync());
        Assert.Equal("send_text", action);
        Assert.Equal(BotWorld.ExternalGroup, payload.GetProperty("externalGroupId").GetString());
        var text = payload.GetProperty("text").GetString()!;
        Assert.StartsWith("欢迎 小王、小", text);
        Assert.EndsWith($" 加入{world.GroupName}！", text);
        Assert.Single(text.Split('、').Skip(1));
    }

    [Fact]
    public async Task Join_AfterTheWindow_StartsANewWelcome()
    {
        var world = await BotWorld.CreateAsync(app, "welcome-next");
        await world.ConfigureAsync(new { welcomeEnabled = true, welcomeBatchSeconds = 60, language = "en" });

        await world.JoinAsync("amy");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await world.RunWorkerAsync();
        await world.JoinAsync("bob");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await world.RunWorkerAsync();

        Assert.Equal([$"Welcome amy to {world.GroupName}!", $"Welcome bob to {world.GroupName}!"], await world.TextsAsync());
    }

    [Fact]
    public async Task PrivateWelcome_IsASendPrivateToTheNewcomer()
    {
        var world = await BotWorld.CreateAsync(app, "welcome-private");
        await world.ConfigureAsync(new { privateWelcomeEnabled = true });

        await world.JoinAsync("u-new");

        var (action, payload) = Assert.Single(await world.SaidAsync());
        Assert.Equal("send_private", action);
        Assert.Equal("u-new", payload.GetProperty("externalUserId").GetString());
        Assert.StartsWith($"u-new，欢迎加入{world.GroupName}", payload.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Introduction_FirstFittingMessage_TagsRecordsEventAndAlertsOnWatchWords()
    {
        var world = await BotWorld.CreateAsync(app, "intro-detect");
        await world.ConfigureAsync(new { introductionEnabled = true, introductionMinLength = 15, introductionReminderHours = 12, watchWords = "CEO\n投资" });

        await world.JoinAsync("newbie");
        await world.SayAsync("newbie", "hi");
        await world.SayAsync("newbie", "大家好，我是小新，在杭州一家创业公司做 CEO，关注 AI 产品");
        app.Clock.Advance(TimeSpan.FromHours(13));
        await world.RunWorkerAsync();

        await using var db = world.Workspace.OpenDb();
        var member = await db.Members.Where(m => m.DisplayName == "newbie").Select(m => m.Id).SingleAsync();
        Assert.True(await db.MemberTags.AnyAsync(t => t.MemberId == member && t.Tag!.Name == WelcomeRitual.IntroducedTag));
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "custom" && e.MemberId == member && e.Payload.Contains("introduced")));
        var alert = await db.BotAlerts.SingleAsync();
        Assert.Equal(BotAlertKind.IntroductionWatchWord, alert.Kind);
        Assert.Contains("CEO", alert.Message);
        Assert.Single(await world.TextsAsync()); // the prompt only: no reminder for someone who introduced themselves
    }

    [Fact]
    public async Task Introduction_Missing_GetsOneReminderAfterTheDelay()
    {
        var world = await BotWorld.CreateAsync(app, "intro-remind");
        await world.ConfigureAsync(new { introductionEnabled = true, introductionReminderHours = 12, welcomeBatchSeconds = 0 });

        await world.JoinAsync("quiet");
        await world.RunWorkerAsync();
        await world.SayAsync("quiet", "嗯");
        app.Clock.Advance(TimeSpan.FromHours(11));
        var tooEarly = await world.RunWorkerAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        var reminded = await world.RunWorkerAsync();
        app.Clock.Advance(TimeSpan.FromHours(24));
        var once = await world.RunWorkerAsync();

        Assert.Equal((0, 1, 0), (tooEarly, reminded, once));
        var texts = await world.TextsAsync();
        Assert.Equal(2, texts.Count);
        Assert.StartsWith("新朋友们请做个自我介绍", texts[0]);
        Assert.Equal("quiet，还没看到你的自我介绍哦，说说你自己吧～", texts[1]);
    }

    [Fact]
    public async Task VoiceOff_SendsNothing()
    {
        var world = await BotWorld.CreateAsync(app, "welcome-off");
        await world.ConfigureAsync(new { voice = "Off", welcomeEnabled = true, privateWelcomeEnabled = true, welcomeBatchSeconds = 0 });

        await world.JoinAsync("ghost");
        await world.RunWorkerAsync();
        await world.SayAsync("ghost", "签到");

        Assert.Empty(await world.SaidAsync());
    }

    [Fact]
    public async Task Settings_WithTemplateOfAnotherPurpose_Return400()
    {
        var world = await BotWorld.CreateAsync(app, "welcome-wrong-template");
        var digest = (await world.Workspace.Client.PostOkAsync("/api/v1/templates", new { key = "d", name = "D", purpose = "Digest", bodyZh = "x" })).GetProperty("id").GetGuid();

        var response = await world.Workspace.Client.PutAsJsonAsync($"/api/v1/groups/{world.Group}/bot", new { welcomeEnabled = true, welcomeTemplateId = digest }, Infrastructure.Api.Json);

        Assert.Equal(["WelcomeTemplateId"], await response.ValidationFieldsAsync());
    }
}
