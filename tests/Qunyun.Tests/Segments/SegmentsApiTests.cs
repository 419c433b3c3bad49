using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Engine.Segments.SegmentNode;

namespace Qunyun.Tests.Segments;

public sealed class SegmentsApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private const string Wang = "王小明", Li = "李雷", Han = "韩梅梅", Jamie = "Jamie Park", Zhang = "张伟";

    [Fact]
    public async Task Definitions_OnTheHandBuiltWorkspace_MatchTheHandComputedMembers()
    {
        var f = await SegmentFixture.BuildAsync(app, "segments-fixture");
        var cases = new (string Case, SegmentNode Definition, string[] Expected)[]
        {
            ("tag", HasTag(f.Vip), [Wang, Jamie]),
            ("interest ≥ 1", Interest(f.Italian, 1.0), [Wang, Zhang]),
            ("interest ≥ 0.8 (boundary)", Interest(f.Italian, 0.8), [Wang, Li, Zhang]),
            ("current group only", InGroup(f.WineGroup), [Wang, Jamie]),
            ("group type", InGroupOfType(GroupType.ShortTerm), [Li]),
            ("channel", OnChannel(f.WeCom), [Li, Han, Zhang]),
            ("decayed score ≥ 5", ScoreAtLeast(5), [Wang]),
            ("decayed score ≤ 1", ScoreAtMost(1), [Li, Han, Zhang]),
            ("not active within 30 days", Not(Recent(SegmentNodeType.ActiveWithinDays, 30)), [Li, Han, Zhang]),
            ("inactive for 30 days", Recent(SegmentNodeType.InactiveForDays, 30), [Li, Han, Zhang]),
            ("joined within 7 days", Recent(SegmentNodeType.JoinedWithinDays, 7), [Han]),
            ("joined before (Beijing new year)", Moment(SegmentNodeType.JoinedBefore, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))), [Jamie]),
            ("joined after", Moment(SegmentNodeType.JoinedAfter, new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero)), [Li, Han, Zhang]),
            ("not last active before (never active counts)", Not(Moment(SegmentNodeType.LastActiveBefore, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))), [Wang, Han, Jamie]),
            ("last active after", Moment(SegmentNodeType.LastActiveAfter, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), [Wang, Jamie]),
            ("attribute equals", Attribute(SegmentNodeType.AttributeEquals, "city", "杭州"), [Wang]),
            ("attribute contains", Attribute(SegmentNodeType.AttributeContains, "city", "Hangzhou"), [Jamie]),
            ("attribute exists", Attribute(SegmentNodeType.AttributeExists, "level"), [Wang, Han]),
            ("attribute missing", Attribute(SegmentNodeType.AttributeMissing, "city"), [Han, Zhang]),
            ("and(or(tag, interest), not(channel))", And(Or(HasTag(f.Vip), Interest(f.Italian, 1)), Not(OnChannel(f.Telegram))), [Zhang]),
            ("or(and(type, active 7d), and(city, not(score ≥ 1)))",
                Or(And(InGroupOfType(GroupType.LongTerm), Recent(SegmentNodeType.ActiveWithinDays, 7)),
                    And(Attribute(SegmentNodeType.AttributeExists, "city"), Not(ScoreAtLeast(1)))), [Wang, Li, Jamie]),
            ("everyone", And(), [Wang, Li, Han, Jamie, Zhang]),
            ("nobody", Or(), []),
        };

        var number = 0;
        foreach (var (name, definition, expected) in cases)
        {
            var segment = await f.Workspace.Client.PostOkAsync("/api/v1/segments", new { name = $"case {++number}", definition });
            var id = segment.GetProperty("id").GetGuid();
            var members = await GetJsonAsync(f.Workspace.Client, $"/api/v1/segments/{id}/members?pageSize=500");
            var count = await GetJsonAsync(f.Workspace.Client, $"/api/v1/segments/{id}/count");
            var preview = await (await f.Workspace.Client.PostAsJsonAsync("/api/v1/segments/preview", new { definition }, Infrastructure.Api.Json)).ReadJsonAsync();

            var names = members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()!).Order().ToArray();
            Assert.True(expected.Order().SequenceEqual(names), $"{name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", names)}]");
            Assert.Equal(expected.Length, count.GetProperty("count").GetInt32());
            Assert.Equal(expected.Length, preview.GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task Crud_StoresTheDefinitionAsJsonAndRoundTripsIt()
    {
        var f = await SegmentFixture.BuildAsync(app, "segments-crud");
        var definition = And(Interest(f.Italian, 1.5), Not(Recent(SegmentNodeType.InactiveForDays, 30)));

        var created = await f.Workspace.Client.PostOkAsync("/api/v1/segments", new { name = "知味意粉 · 活跃", description = "意大利酒爱好者", definition });
        var id = created.GetProperty("id").GetGuid();
        var renamed = await f.Workspace.Client.PutAsJsonAsync($"/api/v1/segments/{id}",
            new { name = "知味意粉", definition = HasTag(f.Vip) }, Infrastructure.Api.Json);
        var list = await GetJsonAsync(f.Workspace.Client, "/api/v1/segments");
        var fetched = await GetJsonAsync(f.Workspace.Client, $"/api/v1/segments/{id}");
        var deleted = await f.Workspace.Client.DeleteAsync($"/api/v1/segments/{id}");
        var gone = await f.Workspace.Client.GetAsync($"/api/v1/segments/{id}");

        Assert.Equal("interest", created.GetProperty("definition").GetProperty("children")[0].GetProperty("type").GetString());
        Assert.Equal(1.5, created.GetProperty("definition").GetProperty("children")[0].GetProperty("minWeight").GetDouble());
        Assert.False(created.GetProperty("definition").GetProperty("children")[0].TryGetProperty("groupId", out _));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("知味意粉", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("hasTag", fetched.GetProperty("definition").GetProperty("type").GetString());
        Assert.False(fetched.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Create_SameNameTwice_Returns409()
    {
        var ws = await app.CreateWorkspaceAsync("segments-conflict");
        await ws.Client.PostOkAsync("/api/v1/segments", new { name = "沉睡会员", definition = Recent(SegmentNodeType.InactiveForDays, 30) });

        var again = await ws.Client.PostAsJsonAsync("/api/v1/segments", new { name = "沉睡会员", definition = And() }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidDefinition_Returns400NamingEachPath()
    {
        var f = await SegmentFixture.BuildAsync(app, "segments-invalid");
        var other = await SegmentFixture.BuildAsync(app, "segments-invalid-other");
        var definition = And(
            HasTag(f.Vip),
            new SegmentNode { Type = SegmentNodeType.HasTag },
            Or(Interest(other.Italian, 1), new SegmentNode { Type = SegmentNodeType.ActiveWithinDays, Days = -1 }),
            Attribute(SegmentNodeType.AttributeExists, "City Name"));

        var response = await f.Workspace.Client.PostAsJsonAsync("/api/v1/segments", new { name = "bad", definition }, Infrastructure.Api.Json);
        var shapeOnly = await response.ValidationFieldsAsync();
        var references = await f.Workspace.Client.PostAsJsonAsync("/api/v1/segments/preview",
            new { definition = And(HasTag(f.Vip), Or(Interest(other.Italian, 1)), InGroup(other.WineGroup), OnChannel(f.Telegram), Attribute(SegmentNodeType.AttributeExists, "City Name")) },
            Infrastructure.Api.Json);
        var missing = await f.Workspace.Client.PostAsJsonAsync("/api/v1/segments/preview", new { }, Infrastructure.Api.Json);
        var unknownType = await f.Workspace.Client.PostAsync("/api/v1/segments/preview",
            new StringContent("""{"definition":{"type":"and","children":[{"type":"hasTag","tagId":"0193a1b2-0000-7000-8000-000000000001"},{}]}}""",
                System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["Definition.Children[1].TagId", "Definition.Children[2].Children[1].Days"], shapeOnly.Order());
        Assert.Equal(["Definition.Children[1].Children[0].TagId", "Definition.Children[2].GroupId", "Definition.Children[4].Key"],
            (await references.ValidationFieldsAsync()).Order());
        Assert.Equal(["Definition"], await missing.ValidationFieldsAsync());
        Assert.Equal(["Definition.Children[1].Type"], await unknownType.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Definition_TooDeepOrTooBig_Returns400()
    {
        var ws = await app.CreateWorkspaceAsync("segments-limits");
        var deep = Recent(SegmentNodeType.ActiveWithinDays, 7);
        for (var level = 0; level < SegmentValidation.MaxDepth; level++)
        {
            deep = Not(deep);
        }

        var tooDeep = await ws.Client.PostAsJsonAsync("/api/v1/segments/preview", new { definition = deep }, Infrastructure.Api.Json);
        var tooBig = await ws.Client.PostAsJsonAsync("/api/v1/segments/preview",
            new { definition = Or(Enumerable.Range(1, 100).Select(d => Recent(SegmentNodeType.ActiveWithinDays, d))) }, Infrastructure.Api.Json);

        Assert.Equal([string.Join('.', ["Definition", .. Enumerable.Repeat("Children[0]", SegmentValidation.MaxDepth)])], await tooDeep.ValidationFieldsAsync());
        Assert.Equal(["Definition"], await tooBig.ValidationFieldsAsync());
    }

    [Fact]
    public async Task RelativeDates_MoveWithTheClock()
    {
        await using var own = new QunyunApp();
        var f = await SegmentFixture.BuildAsync(own, "segments-clock");
        var id = (await f.Workspace.Client.PostOkAsync("/api/v1/segments",
            new { name = "新会员", definition = Recent(SegmentNodeType.JoinedWithinDays, 7) })).GetProperty("id").GetGuid();

        var before = await GetJsonAsync(f.Workspace.Client, $"/api/v1/segments/{id}/count");
        own.Clock.Advance(TimeSpan.FromDays(5));
        var after = await GetJsonAsync(f.Workspace.Client, $"/api/v1/segments/{id}/count");

        Assert.Equal(1, before.GetProperty("count").GetInt32());
        Assert.Equal(0, after.GetProperty("count").GetInt32());
        Assert.Equal(own.Clock.GetUtcNow().UtcDateTime, after.GetProperty("at").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Segments_NeverCountAnotherWorkspacesMembers()
    {
        var a = await SegmentFixture.BuildAsync(app, "segments-iso-a");
        var b = await SegmentFixture.BuildAsync(app, "segments-iso-b");

        var everyoneInA = await (await a.Workspace.Client.PostAsJsonAsync("/api/v1/segments/preview", new { definition = And() }, Infrastructure.Api.Json)).ReadJsonAsync();
        var foreignTag = await a.Workspace.Client.PostAsJsonAsync("/api/v1/segments/preview", new { definition = HasTag(b.Vip) }, Infrastructure.Api.Json);
        var bSegment = (await b.Workspace.Client.PostOkAsync("/api/v1/segments", new { name = "b", definition = And() })).GetProperty("id").GetGuid();

        Assert.Equal(5, everyoneInA.GetProperty("count").GetInt32());
        Assert.Equal(["Definition.TagId"], await foreignTag.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await a.Workspace.Client.GetAsync($"/api/v1/segments/{bSegment}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Workspace.Client.GetAsync($"/api/v1/segments/{bSegment}/export.csv")).StatusCode);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
