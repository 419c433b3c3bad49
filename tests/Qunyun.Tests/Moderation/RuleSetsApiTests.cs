using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Moderation;

public sealed class RuleSetsApiTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    [Fact]
    public async Task EveryChange_IsANewImmutableVersion_WithAuthorSummaryAndDiff()
    {
        var ws = await app.Host.CreateWorkspaceAsync("rules-versions");
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.CreateWordListAsync("abuse", "傻瓜");

        var v1 = await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads") } }, "first rules");
        var v2 = await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads"), WordRule("abuse", "abuse", strike: false, actions: [new { type = "delete" }]) } });
        var same = await ws.Client.PutAsJsonAsync($"/api/v1/moderation/rulesets/{v1.GetProperty("ruleSet").GetProperty("id").GetGuid()}",
            new { definition = new { rules = new[] { WordRule("ads", "ads"), WordRule("abuse", "abuse", strike: false, actions: [new { type = "delete" }]) } } }, Infrastructure.Api.Json);

        var versions = v2.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(["+abuse", "first rules"], versions.Select(v => v.GetProperty("summary").GetString()));
        Assert.All(versions, v => Assert.Equal("key:test-Owner", v.GetProperty("author").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        var diff = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/versions/{versions[0].GetProperty("id").GetGuid()}/diff", Infrastructure.Api.Json);
        var change = Assert.Single(diff.GetProperty("changes").EnumerateArray());
        Assert.Equal(("Added", "rule abuse"), (change.GetProperty("kind").GetString(), change.GetProperty("subject").GetString()));
        var first = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/versions/{versions[1].GetProperty("id").GetGuid()}", Infrastructure.Api.Json);
        Assert.Single(first.GetProperty("definition").GetProperty("rules").EnumerateArray());
    }

    [Fact]
    public async Task GroupOverride_InheritsDisablesAndAdds_AndTheGroupShowsBothVersions()
    {
        var ws = await app.Host.CreateWorkspaceAsync("rules-override");
        var channel = await ws.Client.CreateChannelAsync();
        var (group, other) = (await ws.Client.CreateGroupAsync(channel, "VIP 群", externalId: "vip"), await ws.Client.CreateGroupAsync(channel, "新人群", externalId: "new"));
        await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.CreateWordListAsync("abuse", "傻瓜");
        await ws.Client.CreateWordListAsync("competitors", "某某咖啡");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads"), WordRule("abuse", "abuse") } });
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads"), WordRule("abuse", "abuse") }, rulesText = "不发广告" });

        await ws.Client.PostOkAsync("/api/v1/moderation/rulesets", new { groupId = group, definition = new { disabled = new[] { "abuse" }, rules = new[] { WordRule("rivals", "competitors") } } });
        await ws.Client.IngestAsync(
            Message(channel, "a", "u1", Day1, "某某咖啡最好", group: "vip"), Message(channel, "b", "u1", Day1, "傻瓜", group: "vip"),
            Message(channel, "c", "u2", Day1, "某某咖啡最好", group: "new"), Message(channel, "d", "u2", Day1, "傻瓜", group: "new"));
        await app.Host.DrainAsync();

        var inForce = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/groups/{group}", Infrastructure.Api.Json);
        Assert.Equal("default v2 + group v1", inForce.GetProperty("label").GetString());
        Assert.Equal(["ads", "rivals"], inForce.GetProperty("effective").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal("不发广告", inForce.GetProperty("effective").GetProperty("rulesText").GetString());
        var plain = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/groups/{other}", Infrastructure.Api.Json);
        Assert.Equal("default v2", plain.GetProperty("label").GetString());
        await using var db = ws.OpenDb();
        var caught = await db.ModerationDecisions.OrderBy(d => d.ExternalEventId).Select(d => d.ExternalEventId + ":" + d.RuleKey + ":" + d.VersionLabel).ToListAsync();
        Assert.Equal(["a:rivals:default v2 + group v1", "d:abuse:default v2"], caught);
    }

    [Fact]
    public async Task Export_ThenImportIntoAnotherWorkspace_GivesTheSameDefinition()
    {
        var source = await app.Host.CreateWorkspaceAsync("rules-export");
        await source.Client.CreateWordListAsync("ads", "加微信");
        var definition = new
        {
            rules = new object[]
            {
                WordRule("ads", "ads"),
                new { key = "links", detector = "links", allowDomains = new[] { "example.com" }, actions = new[] { new { type = "delete" } }, exemptRoles = new[] { "Owner" } },
                new { key = "flood", detector = "flood", threshold = 5, windowSeconds = 10, actions = new[] { new { type = "mute", minutes = 10 } } },
            },
            ladder = new { expiryDays = 14, steps = new[] { new[] { new { type = "warn" } }, new[] { new { type = "kick" } } } },
            warnings = new Dictionary<string, string> { ["en"] = "{member}, no ads." },
            rulesText = "群规：不发广告",
        };
        var published = await source.Client.PublishDefaultAsync(definition);
        var exported = await source.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/rulesets/{published.GetProperty("ruleSet").GetProperty("id").GetGuid()}/export", Infrastructure.Api.Json);

        var target = await app.Host.CreateWorkspaceAsync("rules-import");
        await target.Client.CreateWordListAsync("other", "x1");
        var empty = await target.Client.PublishDefaultAsync(new { rulesText = "旧" });
        var targetSet = empty.GetProperty("ruleSet").GetProperty("id").GetGuid();
        var missingList = await target.Client.PostAsJsonAsync($"/api/v1/moderation/rulesets/{targetSet}/import", exported, Infrastructure.Api.Json);
        await target.Client.CreateWordListAsync("ads", "加微信");
        var imported = await target.Client.PostAsJsonAsync($"/api/v1/moderation/rulesets/{targetSet}/import", exported, Infrastructure.Api.Json);

        Assert.Equal("qunyun.ruleset/1", exported.GetProperty("format").GetString());
        Assert.Equal(["ads"], exported.GetProperty("wordLists").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["definition.rules[0].list"], await missingList.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var body = await imported.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("ruleSet").GetProperty("currentNumber").GetInt32());
        Assert.Equal(exported.GetProperty("definition").GetRawText(), body.GetProperty("definition").GetRawText());
    }

    [Fact]
    public async Task BadDefinitions_Return400NamingTheField_AndSaveNothing()
    {
        var ws = await app.Host.CreateWorkspaceAsync("rules-bad");
        await ws.Client.CreateWordListAsync("ads", "加微信");
        var body = new
        {
            definition = new
            {
                rules = new object[]
                {
                    WordRule("ads", "no-such-list"),
                    new { key = "re", detector = "regex", pattern = "(unclosed", actions = new[] { new { type = "delete" } } },
                    new { key = "x", detector = "words", list = "ads", actions = new[] { new { type = "explode" } } },
                },
            },
        };

        var response = await ws.Client.PostAsJsonAsync("/api/v1/moderation/rulesets", body, Infrastructure.Api.Json);
        var noGroup = await ws.Client.PostAsJsonAsync("/api/v1/moderation/rulesets", new { groupId = Guid.NewGuid(), definition = new { } }, Infrastructure.Api.Json);
        var noDefinition = await ws.Client.PostAsJsonAsync("/api/v1/moderation/rulesets", new { summary = "x" }, Infrastructure.Api.Json);

        Assert.Equal(["definition.rules[0].list", "definition.rules[1].pattern", "definition.rules[2].actions[0].type"], await response.ValidationFieldsAsync());
        Assert.Equal(["groupId"], await noGroup.ValidationFieldsAsync());
        Assert.Equal(["definition"], await noDefinition.ValidationFieldsAsync());
        await using var db = ws.OpenDb();
        Assert.Equal((0, 0), (await db.RuleSets.CountAsync(), await db.RuleSetVersions.CountAsync()));
    }

    [Fact]
    public async Task Restore_PublishesAnOldDefinitionAsANewVersion_AndAnOverrideCanBeDeleted()
    {
        var ws = await app.Host.CreateWorkspaceAsync("rules-restore");
        await ws.Client.CreateWordListAsync("ads", "加微信");
        var v1 = await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads") } });
        await ws.Client.PublishDefaultAsync(new { rules = Array.Empty<object>() });
        var firstVersion = v1.GetProperty("ruleSet").GetProperty("currentVersionId").GetGuid();

        var restored = await ws.Client.PostAsync($"/api/v1/moderation/versions/{firstVersion}/restore", null);
        var defaultSet = v1.GetProperty("ruleSet").GetProperty("id").GetGuid();
        var deleteDefault = await ws.Client.DeleteAsync($"/api/v1/moderation/rulesets/{defaultSet}");

        var body = await restored.ReadJsonAsync();
        Assert.Equal(3, body.GetProperty("ruleSet").GetProperty("currentNumber").GetInt32());
        Assert.Equal("Restored version 1", body.GetProperty("versions")[0].GetProperty("summary").GetString());
        Assert.Equal(HttpStatusCode.Conflict, deleteDefault.StatusCode);
    }
}
