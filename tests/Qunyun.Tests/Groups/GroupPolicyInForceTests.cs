using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;

namespace Qunyun.Tests.Groups;

/// <summary>The same traffic in groups of different types, or with different overrides, is handled as their policies say.</summary>
public sealed class GroupPolicyInForceTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private sealed record World(TestWorkspace Ws, Guid Channel, Guid LongTerm, Guid Fan, Guid Feedback);

    private async Task<World> CreateAsync(string slug)
    {
        app.With("Bot:RunWorker", "false");
        var ws = await app.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        return new World(ws, channel,
            await ws.Client.CreateGroupAsync(channel, "长期群", GroupType.LongTerm, "g-long"),
            await ws.Client.CreateGroupAsync(channel, "粉丝群", GroupType.FanSelfOrganized, "g-fan"),
            await ws.Client.CreateGroupAsync(channel, "建议群", GroupType.ProductFeedback, "g-feedback"));
    }

    private async Task SayAsync(World world, params (string Id, string Group, string User, int Second, string Text)[] messages)
    {
        var at = app.Clock.GetUtcNow();
        await world.Ws.Client.IngestAsync([.. messages.Select(m => Infrastructure.Events.Message(world.Channel, m.Id, m.Group, m.User, at.AddSeconds(m.Second), m.Text, m.User))]);
        await app.DrainAsync();
    }

    private static async Task<List<(Guid? Group, string Action)>> ActionsAsync(World world)
    {
        await using var db = world.Ws.OpenDb();
        return [.. (await db.Outbox.OrderBy(o => o.Sequence).Select(o => new { o.GroupId, o.Action }).ToListAsync()).Select(o => (o.GroupId, o.Action))];
    }

    [Fact]
    public async Task Moderation_ALinkRule_DeletesInALongTermGroup_OnlyWarnsInAFanGroup()
    {
        var world = await CreateAsync("policy-mod-light");
        await world.Ws.Client.PublishDefaultAsync(new { rules = new[] { new { key = "links", detector = "links", strike = false, actions = new[] { new { type = "delete" } } } } });

        await SayAsync(world, ("l1", "g-long", "ann", 0, "看看 https://cheap.example.com"), ("f1", "g-fan", "ann", 1, "看看 https://cheap.example.com"));

        var actions = await ActionsAsync(world);
        Assert.Equal([ConnectorActions.DeleteMessage], actions.Where(a => a.Group == world.LongTerm).Select(a => a.Action));
        Assert.Equal([ConnectorActions.SendText], actions.Where(a => a.Group == world.Fan).Select(a => a.Action));
        await using var db = world.Ws.OpenDb();
        Assert.Equal(2, await db.ModerationDecisions.CountAsync()); // both recorded for review
    }

    [Fact]
    public async Task Moderation_StrictGroup_ActsOnALowerFloodCount_StandardGroupDoesNot()
    {
        var world = await CreateAsync("policy-mod-strict");
        await world.Ws.Client.PublishDefaultAsync(new { rules = new[] { new { key = "flood", detector = "flood", threshold = 3, windowSeconds = 10, actions = new[] { new { type = "mute", minutes = 10 } } } } });

        // Flood acts on more messages than the threshold: the 4th as written, the 3rd at two thirds.
        await SayAsync(world, ("l1", "g-long", "kim", 0, "一"), ("l2", "g-long", "kim", 1, "二"), ("l3", "g-long", "kim", 2, "三"),
            ("b1", "g-feedback", "kim", 0, "一"), ("b2", "g-feedback", "kim", 1, "二"), ("b3", "g-feedback", "kim", 2, "三"));

        var actions = await ActionsAsync(world);
        Assert.Equal([ConnectorActions.Mute], actions.Where(a => a.Group == world.LongTerm).Select(a => a.Action));
        Assert.DoesNotContain(actions, a => a.Group == world.Feedback);
    }

    [Fact]
    public async Task Bot_AnswersFaqInALongTermGroup_NotInAFanGroupUntilItsVoiceIsOverridden()
    {
        var world = await CreateAsync("policy-bot-voice");
        await world.Ws.Client.PostOkAsync("/api/v1/bot/auto-replies", new { name = "invoice", mode = "Contains", pattern = "发票", priority = 0, answerZh = "发票在小程序里申请" });

        await SayAsync(world, ("l1", "g-long", "ann", 0, "怎么开发票"), ("f1", "g-fan", "bob", 1, "怎么开发票"));
        var before = await ActionsAsync(world);
        (await world.Ws.Client.PutAsJsonAsync($"/api/v1/groups/{world.Fan}/policy", new { voice = "Full" }, Infrastructure.Api.Json)).EnsureSuccessStatusCode();
        await SayAsync(world, ("f2", "g-fan", "cat", 2, "发票怎么开"));

        Assert.Equal([world.LongTerm], before.Select(a => a.Group));
        Assert.Equal([world.LongTerm, world.Fan], (await ActionsAsync(world)).Select(a => a.Group));
    }

    [Fact]
    public async Task Bot_WelcomesInALongTermGroup_NotWhereThePolicyTurnsTheRitualOff()
    {
        var world = await CreateAsync("policy-bot-welcome");
        foreach (var group in new[] { world.LongTerm, world.Fan })
        {
            (await world.Ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/bot", new { welcomeEnabled = true, welcomeBatchSeconds = 0, voice = "Full" }, Infrastructure.Api.Json)).EnsureSuccessStatusCode();
        }

        var at = app.Clock.GetUtcNow();
        await world.Ws.Client.IngestAsync(Infrastructure.Events.Of("member_joined", world.Channel, "j1", "g-long", "newbie", at), Infrastructure.Events.Of("member_joined", world.Channel, "j2", "g-fan", "newbie", at));
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Services.GetRequiredService<Features.Bot.BotWorker>().RunDueAsync(CancellationToken.None);

        Assert.Equal([world.LongTerm], (await ActionsAsync(world)).Select(a => a.Group));
    }
}
