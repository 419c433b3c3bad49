using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Moderation;

public sealed class WordListsApiTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    /// <summary>The defects of the real lists in ../shared/realdata/wordlists, in small.</summary>
    private const string Flawed = "# 广告词\n兼职\n招聘\n兼职\n退\n高压气枪,气枪子弹\n代考，代写\n  刷单  \n\n代开发票 # 常见\nQQ\n";

    [Fact]
    public async Task Check_ReportsDuplicatesSingleCharactersCommaJoinedAndWhitespace_WithLines()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lists-check");

        var report = await (await ws.Client.PostAsJsonAsync("/api/v1/moderation/wordlists/check", new { text = Flawed })).ReadJsonAsync();

        var issues = report.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("line").GetInt32(), i.GetProperty("kind").GetString(), i.GetProperty("action").GetString())).ToList();
        Assert.Contains((4, "Duplicate", "Dropped"), issues);
        Assert.Contains((5, "SingleCharacter", "Dropped"), issues);
        Assert.Contains((6, "CommaJoined", "Split"), issues);
        Assert.Contains((7, "CommaJoined", "Split"), issues);
        Assert.Contains((8, "StrayWhitespace", "Trimmed"), issues);
        Assert.Contains((11, "ShortWord", "Kept"), issues);
        Assert.Equal(["兼职", "招聘", "高压气枪", "气枪子弹", "代考", "代写", "刷单", "代开发票", "QQ"], report.GetProperty("firstWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(9, report.GetProperty("words").GetInt32());
    }

    [Fact]
    public async Task Save_WithIssuesNotAccepted_Is400WithTheReport_ThenAcceptedSavesWhatTheReportSaid()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lists-accept");

        var refused = await ws.Client.PostAsJsonAsync("/api/v1/moderation/wordlists", new { name = "ads", text = Flawed });
        var problem = await refused.ReadJsonAsync();
        var accepted = await ws.Client.PostOkAsync("/api/v1/moderation/wordlists", new { name = "ads", text = Flawed, acceptIssues = true, keepSingleCharacters = true });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["acceptIssues"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.True(problem.GetProperty("issues").GetArrayLength() >= 6);
        Assert.Equal(10, accepted.GetProperty("list").GetProperty("wordCount").GetInt32());
        Assert.Contains("退", accepted.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(1, accepted.GetProperty("list").GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Export_ThenImport_GivesTheSameWords()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lists-export");
        var id = await ws.Client.CreateWordListAsync("ads", "加微信", "兼职刷单", "free money", "代开发票");

        var exported = await ws.Client.GetStringAsync($"/api/v1/moderation/wordlists/{id}/export");
        var reimported = await ws.Client.PutAsJsonAsync($"/api/v1/moderation/wordlists/{id}", new { name = "ads", text = exported });

        Assert.StartsWith("# ads\n# revision 1, 4 words", exported);
        var body = await reimported.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, reimported.StatusCode);
        Assert.Equal(["加微信", "兼职刷单", "free money", "代开发票"], body.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(2, body.GetProperty("list").GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task EmptyOversizedOrBadlyNamedLists_Return400NamingTheField_AndSaveNothing()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lists-bad");

        var onlyComments = await ws.Client.PostAsJsonAsync("/api/v1/moderation/wordlists", new { name = "ads", text = "# nothing here\n\n", acceptIssues = true });
        var blank = await ws.Client.PostAsJsonAsync("/api/v1/moderation/wordlists", new { name = "ads", text = "" });
        var tooMany = await ws.Client.PostAsJsonAsync("/api/v1/moderation/wordlists",
            new { name = "big", text = string.Join('\n', Enumerable.Range(0, 50_001).Select(i => $"词{i}")), acceptIssues = true });
        var badName = await ws.Client.PostAsJsonAsync("/api/v1/moderation/wordlists", new { name = "ads list!", text = "加微信" });

        Assert.Equal(["text"], await onlyComments.ValidationFieldsAsync());
        Assert.Equal(["text"], await blank.ValidationFieldsAsync());
        Assert.Equal(["text"], await tooMany.ValidationFieldsAsync());
        Assert.Equal(["name"], await badName.ValidationFieldsAsync());
        await using var db = ws.OpenDb();
        Assert.Equal(0, await db.WordLists.CountAsync());
    }

    [Fact]
    public async Task ListInUse_CannotBeDeletedOrRenamed_AndShowsItsRules()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lists-in-use");
        var id = await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads-rule", "ads") } });

        var delete = await ws.Client.DeleteAsync($"/api/v1/moderation/wordlists/{id}");
        var rename = await ws.Client.PutAsJsonAsync($"/api/v1/moderation/wordlists/{id}", new { name = "ads2", text = "加微信" });
        var lists = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/moderation/wordlists");

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rename.StatusCode);
        Assert.Equal(["default/ads-rule"], lists[0].GetProperty("usedBy").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task ChangingAList_ReachesTheNextMessage()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lists-live");
        var channel = await ws.Client.CreateChannelAsync();
        var id = await ws.Client.CreateWordListAsync("ads", "加微信");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { WordRule("ads", "ads") } });
        await ws.Client.IngestAsync(Message(channel, "m1", "u", Day1, "代开发票找我"));
        await app.Host.DrainAsync();

        await ws.Client.PutAsJsonAsync($"/api/v1/moderation/wordlists/{id}", new { name = "ads", text = "加微信\n代开发票" });
        await ws.Client.IngestAsync(Message(channel, "m2", "u", Day1.AddMinutes(1), "代开发票找我"));
        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        Assert.Equal(["m2"], await db.ModerationDecisions.Select(d => d.ExternalEventId).ToListAsync());
    }
}
