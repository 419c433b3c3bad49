using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Merging;
using Qunyun.Engine.Scoring;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Merges;

public sealed class MergeTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly TimeSpan HalfLife = ActivityScore.DefaultHalfLife;

    [Fact]
    public async Task Preview_ListsWhatMovesAndWhatCollides()
    {
        var s = await MergeScenario.BuildAsync(app, "merge-preview");

        var preview = await (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Newer}/merge-preview?into={s.Older}")).ReadJsonAsync();

        Assert.Equal(s.Older, preview.GetProperty("survivor").GetProperty("id").GetGuid());
        Assert.Equal(["tg-b"], preview.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("externalUserId").GetString()));
        var memberships = preview.GetProperty("memberships").EnumerateArray().ToDictionary(m => m.GetProperty("groupId").GetGuid());
        Assert.True(memberships[s.Books].GetProperty("bothInGroup").GetBoolean());
        Assert.Equal(MergeScenario.Day1.AddDays(-3).UtcDateTime, memberships[s.Books].GetProperty("resultJoinedAt").GetDateTime());
        Assert.False(memberships[s.Running].GetProperty("bothInGroup").GetBoolean());
        Assert.Equal("Admin", memberships[s.Running].GetProperty("resultRole").GetString());
        var tags = preview.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("resultWeight").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["vip"] = 1, ["wine"] = 2.5, ["interest:wine"] = 5 }, tags); // the last from Lin's purchase
        var attributes = preview.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.True(attributes["city"].GetProperty("conflict").GetBoolean());
        Assert.Equal("上海", attributes["city"].GetProperty("result").GetString());
        Assert.Equal("群运", attributes["company"].GetProperty("result").GetString());
        var email = preview.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "email");
        Assert.Equal("lin@example.com", email.GetProperty("result").GetString());
        Assert.False(email.GetProperty("conflict").GetBoolean());
        Assert.Equal(6, preview.GetProperty("events").GetInt32());
        Assert.Equal(4, preview.GetProperty("dayRows").GetInt32());
        Assert.Equal(1, preview.GetProperty("dayRowsCombined").GetInt32());
        var score = preview.GetProperty("score");
        Assert.Equal(score.GetProperty("survivor").GetDouble() + score.GetProperty("absorbed").GetDouble(), score.GetProperty("result").GetDouble(), 9);
    }

    [Fact]
    public async Task Preview_TakingAnAttribute_ChangesTheResult()
    {
        var s = await MergeScenario.BuildAsync(app, "merge-preview-take");

        var preview = await (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Newer}/merge-preview?into={s.Older}&takeAttributes=city&takeFields=displayName")).ReadJsonAsync();

        Assert.Equal("杭州", preview.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "city").GetProperty("result").GetString());
        Assert.Equal("Lin", preview.GetProperty("fields").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "displayName").GetProperty("result").GetString());
    }

    [Fact]
    public async Task Merge_MovesTimelineTagsMembershipsScoresRollupsAttributesAndIdentities()
    {
        var s = await MergeScenario.BuildAsync(app, "merge-moves");
        Dictionary<(Guid, DateOnly), int> activeBefore;
        (double Value, DateTime At) olderScore, newerScore;
        int interactionsBefore;
        await using (var db = s.Ws.OpenDb())
        {
            activeBefore = await db.GroupDays.ToDictionaryAsync(d => (d.GroupId, d.Day), d => d.ActiveMembers);
            var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id);
            olderScore = (members[s.Older].ActivityScore, members[s.Older].ActivityScoreAt!.Value);
            newerScore = (members[s.Newer].ActivityScore, members[s.Newer].ActivityScoreAt!.Value);
            interactionsBefore = await db.MemberDays.SumAsync(d => d.Interactions);
        }

        var response = await s.Ws.Client.PostAsJsonAsync($"/api/v1/members/{s.Newer}/merge", new { into = s.Older, takeAttributes = new[] { "city" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var merge = await response.ReadJsonAsync();
        Assert.Equal("ApiKey", merge.GetProperty("actorKind").GetString());
        Assert.Equal(6, merge.GetProperty("events").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Newer}")).StatusCode);
        var member = await (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Older}")).ReadJsonAsync();
        Assert.Equal(["tg-a", "tg-b"], member.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("externalUserId").GetString()).Order());
        Assert.Equal("lin@example.com", member.GetProperty("email").GetString());
        Assert.Equal("杭州", member.GetProperty("attributes").GetProperty("city").GetString());
        Assert.Equal("群运", member.GetProperty("attributes").GetProperty("company").GetString());
        var timeline = await (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Older}/timeline?pageSize=50")).ReadJsonAsync();
        Assert.Equal(8, timeline.GetProperty("total").GetInt32());

        await using var after = s.Ws.OpenDb();
        var memberships = await after.Memberships.Where(m => m.MemberId == s.Older).ToDictionaryAsync(m => m.GroupId);
        Assert.Equal(2, memberships.Count);
        Assert.Equal(MergeScenario.Day1.AddDays(-3).UtcDateTime, memberships[s.Books].JoinedAt);
        Assert.Equal(MembershipRole.Admin, memberships[s.Running].Role);
        Assert.Equal(1, (await after.Groups.SingleAsync(g => g.Id == s.Books)).MemberCount);
        var tags = await after.MemberTags.Where(t => t.MemberId == s.Older).ToDictionaryAsync(t => t.TagId, t => t.Weight);
        var interest = await after.Tags.Where(t => t.Name == "interest:wine").Select(t => t.Id).SingleAsync();
        Assert.Equal(new Dictionary<Guid, double> { [s.Vip] = 1, [s.Wine] = 2.5, [interest] = 5 }, tags);
        Assert.All(await after.MemberFacts.ToListAsync(), f => Assert.Equal(s.Older, f.MemberId));
        Assert.Equal(0, await after.MemberDays.CountAsync(d => d.MemberId == s.Newer));
        Assert.Equal(interactionsBefore, await after.MemberDays.SumAsync(d => d.Interactions));
        var day1 = LocalDay.Of(MergeScenario.Day1.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var combined = await after.MemberDays.SingleAsync(d => d.MemberId == s.Older && d.GroupId == s.Books && d.Day == day1);
        Assert.Equal((2, 1, 3), (combined.Messages, combined.Reactions, combined.Interactions));
        Assert.Equal(activeBefore[(s.Books, day1)] - 1, (await after.GroupDays.SingleAsync(d => d.GroupId == s.Books && d.Day == day1)).ActiveMembers);
        var survivor = await after.Members.SingleAsync(m => m.Id == s.Older);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var expected = MergeRules.CombineScores(new ActivityScore(olderScore.Value, olderScore.At), new ActivityScore(newerScore.Value, newerScore.At), now, HalfLife);
        Assert.Equal(expected.Value, survivor.ActivityScore, 9);
        Assert.Equal(MergeScenario.Day1.AddHours(3).UtcDateTime, survivor.LastActiveAt);
        Assert.All(await after.Events.ToListAsync(), e => Assert.Equal(s.Older, e.MemberId));
    }

    [Fact]
    public async Task Undo_RightAfterMerge_RestoresEveryTableExactly()
    {
        var s = await MergeScenario.BuildAsync(app, "merge-undo");
        var before = await s.DumpAsync();
        var merge = await s.Ws.Client.PostOkAsync($"/api/v1/members/{s.Newer}/merge", new { into = s.Older, takeFields = new[] { "displayName" }, takeAttributes = new[] { "city" } });
        Assert.NotEqual(before, await s.DumpAsync());

        var undo = await s.Ws.Client.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetGuid()}/undo", null);

        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.NotNull((await undo.ReadJsonAsync()).GetProperty("undoneAt").GetString());
        Assert.Equal(before, await s.DumpAsync());
        var again = await s.Ws.Client.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetGuid()}/undo", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Undo_OutOfOrder_Returns409UntilTheLaterMergeIsUndone()
    {
        var s = await MergeScenario.BuildAsync(app, "merge-lifo");
        var third = await s.Ws.Client.CreateMemberAsync("第三人", s.Channel, "tg-c");
        var before = await s.DumpAsync();
        var first = (await s.Ws.Client.PostOkAsync($"/api/v1/members/{s.Newer}/merge", new { into = s.Older })).GetProperty("id").GetGuid();
        var second = (await s.Ws.Client.PostOkAsync($"/api/v1/members/{third}/merge", new { into = s.Older })).GetProperty("id").GetGuid();

        var early = await s.Ws.Client.PostAsync($"/api/v1/merges/{first}/undo", null);
        var late = await s.Ws.Client.PostAsync($"/api/v1/merges/{second}/undo", null);
        var now = await s.Ws.Client.PostAsync($"/api/v1/merges/{first}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains(second.ToString(), await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal(before, await s.DumpAsync());
        var history = await (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Older}/merges")).ReadJsonAsync();
        Assert.Equal([second, first], history.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        var list = await (await s.Ws.Client.GetAsync("/api/v1/merges?pageSize=1")).ReadJsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Merge_BadTargets_Return400NamingInto()
    {
        var s = await MergeScenario.BuildAsync(app, "merge-400");
        var url = $"/api/v1/members/{s.Newer}/merge";

        Assert.Equal(["Into"], await (await s.Ws.Client.PostAsJsonAsync(url, new { into = s.Newer })).ValidationFieldsAsync());
        Assert.Equal(["Into"], await (await s.Ws.Client.PostAsJsonAsync(url, new { into = Guid.NewGuid() })).ValidationFieldsAsync());
        Assert.Equal(["Into"], await (await s.Ws.Client.PostAsJsonAsync(url, new { })).ValidationFieldsAsync());
        Assert.Equal(["TakeFields[0]"], await (await s.Ws.Client.PostAsJsonAsync(url, new { into = s.Older, takeFields = new[] { "nickname" } })).ValidationFieldsAsync());
        Assert.Equal(["TakeAttributes[0]"], await (await s.Ws.Client.PostAsJsonAsync(url, new { into = s.Older, takeAttributes = new[] { "shoe_size" } })).ValidationFieldsAsync());
        Assert.Equal(["Into"], await (await s.Ws.Client.GetAsync($"/api/v1/members/{s.Newer}/merge-preview?into={s.Newer}")).ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await s.Ws.Client.PostAsJsonAsync($"/api/v1/members/{Guid.NewGuid()}/merge", new { into = s.Older })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Ws.Client.PostAsync($"/api/v1/merges/{Guid.NewGuid()}/undo", null)).StatusCode);
    }

    [Fact]
    public async Task Merge_AcrossWorkspaces_NeverTouchesTheOther()
    {
        var a = await MergeScenario.BuildAsync(app, "merge-ws-a");
        var b = await MergeScenario.BuildAsync(app, "merge-ws-b");
        var bBefore = await b.DumpAsync();

        var fromPath = await a.Ws.Client.PostAsJsonAsync($"/api/v1/members/{b.Newer}/merge", new { into = a.Older });
        var intoBody = await a.Ws.Client.PostAsJsonAsync($"/api/v1/members/{a.Newer}/merge", new { into = b.Older });
        var preview = await a.Ws.Client.GetAsync($"/api/v1/members/{b.Newer}/merge-preview?into={a.Older}");

        Assert.Equal(HttpStatusCode.NotFound, fromPath.StatusCode);
        Assert.Equal(["Into"], await intoBody.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal(bBefore, await b.DumpAsync());
    }
}
