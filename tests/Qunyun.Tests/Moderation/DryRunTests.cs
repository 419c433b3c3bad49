using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Moderation;

public sealed class DryRunTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    [Fact]
    public async Task DryRun_DraftOverStoredMessages_CountsPerRuleWithSpans_AndChangesNothing()
    {
        var ws = await app.Host.CreateWorkspaceAsync("dry-run");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信", "兼职刷单");
        await ws.Client.IngestAsync(
            Message(channel, "m1", "u1", Day1, "大家好，加 微 信 领福利"),
            Message(channel, "m2", "u2", Day1.AddMinutes(1), "兼职刷单日结 www.spam-site.xyz"),
            Message(channel, "m3", "u3", Day1.AddMinutes(2), "今天的豆子很香"),
            Message(channel, "m4", "u1", Day1.AddDays(2), "加微信"),
            Message(channel, "other", "u1", Day1, "加微信", group: "g-2"));
        await app.Host.DrainAsync();
        var group = await ws.GroupIdAsync();
        var draft = new
        {
            rules = new object[]
            {
                WordRule("ads", "ads"),
                new { key = "links", detector = "links", actions = new[] { new { type = "delete" } } },
            },
        };

        var response = await ws.Client.PostAsJsonAsync("/api/v1/moderation/dry-run",
            new { groupId = group, from = Day1.AddHours(-1), to = Day1.AddDays(1), definition = draft }, Infrastructure.Api.Json);
        var result = await response.ReadJsonAsync();

        Assert.Equal((3, 2), (result.GetProperty("scanned").GetInt32(), result.GetProperty("caught").GetInt32()));
        Assert.Equal([("ads", 2), ("links", 1)], result.GetProperty("perRule").EnumerateArray().Select(r => (r.GetProperty("rule").GetString(), r.GetProperty("messages").GetInt32())));
        var first = result.GetProperty("samples")[0];
        Assert.Equal("u1", first.GetProperty("memberName").GetString());
        var hit = first.GetProperty("hits")[0];
        Assert.Equal(("加 微 信", 4, 5), (hit.GetProperty("text").GetString(), hit.GetProperty("start").GetInt32(), hit.GetProperty("length").GetInt32()));
        var second = result.GetProperty("samples")[1].GetProperty("hits").EnumerateArray().Select(h => (h.GetProperty("rule").GetString(), h.GetProperty("detail").GetString())).ToList();
        Assert.Equal([("ads", "兼职刷单"), ("links", "spam-site.xyz")], second);
        await using var db = ws.OpenDb();
        Assert.Equal((0, 0, 0), (await db.ModerationDecisions.CountAsync(), await db.Outbox.CountAsync(), await db.RuleSets.CountAsync()));
    }

    [Fact]
    public async Task DryRun_WithoutDraft_UsesTheRulesInForce_AndBadInputIs400()
    {
        var ws = await app.Host.CreateWorkspaceAsync("dry-run-current");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.IngestAsync(Message(channel, "m1", "u1", Day1, "加微信"));
        await app.Host.DrainAsync();
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads") } });
        var group = await ws.GroupIdAsync();

        var current = await (await ws.Client.PostAsJsonAsync("/api/v1/moderation/dry-run", new { groupId = group, from = Day1.AddDays(-1), to = Day1.AddDays(1) })).ReadJsonAsync();
        var backwards = await ws.Client.PostAsJsonAsync("/api/v1/moderation/dry-run", new { groupId = group, from = Day1, to = Day1.AddDays(-1) });
        var badDraft = await ws.Client.PostAsJsonAsync("/api/v1/moderation/dry-run",
            new { groupId = group, from = Day1.AddDays(-1), to = Day1, definition = new { rules = new[] { WordRule("x", "missing") } } });

        Assert.Equal(1, current.GetProperty("caught").GetInt32());
        Assert.Equal(["to"], await backwards.ValidationFieldsAsync());
        Assert.Equal(["definition.rules[0].list"], await badDraft.ValidationFieldsAsync());
    }
}
