using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Scoring;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Merges;

/// <summary>
/// The rule for events after a merge: an event from one of the absorbed member's identities goes back with its
/// identity on undo, with its counts. Proven against a twin workspace that got the same events and never merged.
/// </summary>
public sealed class UndoAfterLaterActivityTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static object[] LaterEvents(Guid channel)
    {
        var day1 = MergeScenario.Day1;
        return
        [
            Infrastructure.Events.Message(channel, "later-b1", "books", "tg-b", day1.AddMinutes(30), "我又来了", name: "Lin"),
            Infrastructure.Events.Message(channel, "later-a1", "books", "tg-a", day1.AddMinutes(40), "欢迎", name: "小林", replyTo: "later-b1"),
            Infrastructure.Events.Of("member_joined", channel, "later-b2", "hiking", "tg-b", day1.AddHours(1)),
            Infrastructure.Events.Message(channel, "later-b3", "hiking", "tg-b", day1.AddHours(2), "周末爬山？", name: "Lin"),
            Infrastructure.Events.Message(channel, "later-b4", "books", "tg-b", day1.AddDays(1), "明天见", name: "Lin"),
            Infrastructure.Events.Of("reaction", channel, "later-a2", "running", "tg-a", day1.AddDays(1), new { targetExternalEventId = "m-b3", emoji = "🏃" }, "reaction"),
        ];
    }

    [Fact]
    public async Task Undo_AfterLaterEvents_EqualsAWorkspaceThatNeverMerged()
    {
        var merged = await MergeScenario.BuildAsync(app, "later-merged");
        var twin = await MergeScenario.BuildAsync(app, "later-twin");
        var merge = await merged.Ws.Client.PostOkAsync($"/api/v1/members/{merged.Newer}/merge", new { into = merged.Older });

        await merged.Ws.Client.IngestAsync(LaterEvents(merged.Channel));
        await twin.Ws.Client.IngestAsync(LaterEvents(twin.Channel));
        await app.DrainAsync();
        await using (var db = merged.Ws.OpenDb())
        {
            Assert.Equal(0, await db.Events.CountAsync(e => e.MemberId == merged.Newer));
        }

        var undo = await merged.Ws.Client.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetGuid()}/undo", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, undo.StatusCode);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (mergedRows, mergedScores) = await ComparableAsync(merged, now);
        var (twinRows, twinScores) = await ComparableAsync(twin, now);
        Assert.Equal(twinRows, mergedRows);
        foreach (var (name, score) in twinScores)
        {
            Assert.Equal(score, mergedScores[name], 9);
        }
    }

    /// <summary>The workspace's rows with ids replaced by names, and each member's score decayed to one moment.</summary>
    private static async Task<(List<string> Rows, Dictionary<string, double> Scores)> ComparableAsync(MergeScenario s, DateTime now)
    {
        await using var db = s.Ws.OpenDb();
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id);
        var groups = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.ExternalId);
        string Group(Guid? id) => id is { } g && groups.TryGetValue(g, out var name) ? name : "-";
        var rows = new List<string>();
        rows.AddRange(members.Values.Select(m => $"member {m.DisplayName} {m.Email} {m.CreatedAt:O} {m.LastActiveAt:O}"));
        rows.AddRange((await db.MemberIdentities.AsNoTracking().ToListAsync()).Select(i => $"identity {members[i.MemberId].DisplayName} {i.ExternalUserId}"));
        rows.AddRange((await db.Memberships.AsNoTracking().ToListAsync()).Select(m => $"membership {members[m.MemberId].DisplayName} {Group(m.GroupId)} {m.Role} {m.JoinedAt:O} {m.LeftAt:O}"));
        rows.AddRange((await db.Groups.AsNoTracking().ToListAsync()).Select(g => $"group {g.ExternalId} {g.MemberCount}"));
        rows.AddRange((await db.Events.AsNoTracking().ToListAsync()).Select(e => $"event {e.ExternalEventId} {members[e.MemberId!.Value].DisplayName}"));
        rows.AddRange((await db.MemberDays.AsNoTracking().ToListAsync()).Select(d => $"memberday {members[d.MemberId].DisplayName} {Group(d.GroupId)} {d.Day} {d.Messages} {d.Reactions} {d.Interactions}"));
        rows.AddRange((await db.GroupDays.AsNoTracking().ToListAsync()).Select(d => $"groupday {Group(d.GroupId)} {d.Day} {d.Messages} {d.Reactions} {d.Joins} {d.Leaves} {d.ActiveMembers}"));
        rows.AddRange((await db.MemberTags.AsNoTracking().Include(t => t.Tag).ToListAsync()).Select(t => $"tag {members[t.MemberId].DisplayName} {t.Tag!.Name} {t.Weight}"));
        rows.AddRange((await db.MemberAttributes.AsNoTracking().ToListAsync()).Select(a => $"attribute {members[a.MemberId].DisplayName} {a.Key} {a.Value}"));
        rows.Sort(StringComparer.Ordinal);
        var scores = members.Values.ToDictionary(m => m.DisplayName,
            m => m.ActivityScoreAt is { } at ? new ActivityScore(m.ActivityScore, at).DecayedTo(now, ActivityScore.DefaultHalfLife).Value : 0);
        return (rows, scores);
    }
}
