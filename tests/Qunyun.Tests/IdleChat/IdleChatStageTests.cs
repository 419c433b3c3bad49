using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.IdleChat;

public sealed class IdleChatStageTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly string[] Banter =
        ["哈哈哈哈", "笑死我了", "昨晚那场球你看了没", "看了，太刺激了", "最后那个球绝了", "我都跳起来了", "明天还有一场", "必须看", "约一个", "走起", "老地方见", "好嘞"];

    private sealed record World(TestWorkspace Ws, Guid Channel, Guid LongTerm, Guid Fan);

    private async Task<World> CreateAsync(string slug)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        return new World(ws, channel, await ws.Client.CreateGroupAsync(channel, "长期群", GroupType.LongTerm, "g-long"),
            await ws.Client.CreateGroupAsync(channel, "粉丝群", GroupType.FanSelfOrganized, "g-fan"));
    }

    /// <summary>Two members chatting away, one message every 20 seconds, in batches of three as a connector would hand them in.</summary>
    private async Task ChatAsync(World world, string group, string prefix, IReadOnlyList<string> texts, string a = "ann", string b = "bob")
    {
        var start = app.Clock.GetUtcNow();
        var messages = texts.Select((t, i) => Infrastructure.Events.Message(world.Channel, $"{prefix}-{i}", group, i % 2 == 0 ? a : b, start.AddSeconds(20 * i), t, i % 2 == 0 ? a : b)).ToList();
        foreach (var chunk in messages.Chunk(3))
        {
            await world.Ws.Client.IngestAsync(chunk);
            await app.DrainAsync();
        }

        app.Clock.Advance(TimeSpan.FromSeconds(20 * texts.Count));
    }

    private static async Task<List<(Guid? Group, string Key, string Text)>> NudgesAsync(World world)
    {
        await using var db = world.Ws.OpenDb();
        var rows = await db.Outbox.Where(o => o.Action == ConnectorActions.SendText && o.IdempotencyKey.StartsWith("idle:"))
            .OrderBy(o => o.Sequence).Select(o => new { o.GroupId, o.IdempotencyKey, o.Payload }).ToListAsync();
        return [.. rows.Select(r => (r.GroupId, r.IdempotencyKey, JsonDocument.Parse(r.Payload).RootElement.GetProperty("text").GetString()!))];
    }

    [Fact]
    public async Task IdleChat_InALongTermGroup_IsNudgedOncePerPairAndDay_NotInAFanGroup()
    {
        var world = await CreateAsync("idle-nudge");

        await ChatAsync(world, "g-long", "a", Banter);
        await ChatAsync(world, "g-fan", "b", Banter);
        await ChatAsync(world, "g-long", "c", Banter); // the same pair, the same day

        var (group, key, text) = Assert.Single(await NudgesAsync(world));
        Assert.Equal(world.LongTerm, group);
        Assert.StartsWith($"idle:{world.LongTerm:N}:", key);
        Assert.Contains("ann", text);
        Assert.Contains("bob", text);
        Assert.Contains("小窗", text);
    }

    [Fact]
    public async Task AQuestionOrTopicWord_KeepsTheChatInTheGroup()
    {
        var world = await CreateAsync("idle-topic");
        (await world.Ws.Client.PutAsJsonAsync($"/api/v1/groups/{world.LongTerm}/policy", new { idleChatKeywords = new[] { "球" } }, Infrastructure.Api.Json)).EnsureSuccessStatusCode();

        await ChatAsync(world, "g-long", "a", Banter);

        Assert.Empty(await NudgesAsync(world));
    }

    [Fact]
    public async Task TheNudge_UsesTheWorkspacesEditedTemplate_AndAFanGroupCanTurnTheGuardOn()
    {
        var world = await CreateAsync("idle-template");
        await world.Ws.Client.PostOkAsync("/api/v1/templates",
            new { key = "idle-chat-nudge", name = "闲聊提醒", purpose = "IdleChatNudge", bodyZh = "{{ members | join: \" 和 \" }}，去小窗聊吧" });
        (await world.Ws.Client.PutAsJsonAsync($"/api/v1/groups/{world.Fan}/policy", new { idleChat = true, voice = "Quiet" }, Infrastructure.Api.Json)).EnsureSuccessStatusCode();

        await ChatAsync(world, "g-fan", "a", Banter, "小王", "小李");

        var nudge = Assert.Single(await NudgesAsync(world));
        Assert.Equal((world.Fan, "小王 和 小李，去小窗聊吧"), (nudge.Group, nudge.Text));
    }
}
