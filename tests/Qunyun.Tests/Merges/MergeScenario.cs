using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Merges;

/// <summary>
/// Two members who are one person: 小林 (tg-a, the older) and Lin (tg-b). Both talk in 读书会 on the same day, only
/// Lin is in 跑步群 (as admin) and buys something outside any group; both carry "vip", only Lin "wine" (an interest
/// tag); both have a city (different), only Lin a company and an e-mail.
/// </summary>
public sealed record MergeScenario(TestWorkspace Ws, Guid Channel, Guid Older, Guid Newer, Guid Books, Guid Running, Guid Vip, Guid Wine)
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public static object[] FirstEvents(Guid channel) =>
    [
        Infrastructure.Events.Of("member_joined", channel, "j-a", "books", "tg-a", Day1),
        Infrastructure.Events.Message(channel, "m-a1", "books", "tg-a", Day1.AddMinutes(5), "大家好", name: "小林"),
        Infrastructure.Events.Of("member_joined", channel, "j-b", "books", "tg-b", Day1.AddDays(-3)),
        Infrastructure.Events.Message(channel, "m-b1", "books", "tg-b", Day1.AddMinutes(10), "hello", name: "Lin"),
        Infrastructure.Events.Message(channel, "m-b2", "books", "tg-b", Day1.AddDays(-2), "早", name: "Lin", replyTo: "m-a1"),
        Infrastructure.Events.Message(channel, "m-b3", "running", "tg-b", Day1.AddDays(-1), "跑步", name: "Lin"),
        Infrastructure.Events.Of("reaction", channel, "r-b1", "books", "tg-b", Day1.AddMinutes(20), new { targetExternalEventId = "m-a1", emoji = "👍" }, "reaction"),
        Infrastructure.Events.Of("purchase", channel, "p-b1", null, "tg-b", Day1.AddHours(3),
            new { orderId = "o-1", amount = 88.0, currency = "CNY", topics = new[] { "wine" } }, "purchase"),
    ];

    public static async Task<MergeScenario> BuildAsync(QunyunApp app, string slug)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(FirstEvents(channel));
        await app.DrainAsync();

        Guid older, newer, books, running;
        await using (var db = ws.OpenDb())
        {
            older = await db.MemberIdentities.Where(i => i.ExternalUserId == "tg-a").Select(i => i.MemberId).SingleAsync();
            newer = await db.MemberIdentities.Where(i => i.ExternalUserId == "tg-b").Select(i => i.MemberId).SingleAsync();
            books = await db.Groups.Where(g => g.ExternalId == "books").Select(g => g.Id).SingleAsync();
            running = await db.Groups.Where(g => g.ExternalId == "running").Select(g => g.Id).SingleAsync();
        }

        await ws.Client.PutAsJsonAsync($"/api/v1/members/{older}", new { displayName = "小林", attributes = new { city = "上海" } });
        await ws.Client.PutAsJsonAsync($"/api/v1/members/{newer}",
            new { displayName = "Lin", email = "lin@example.com", attributes = new { city = "杭州", company = "群运" } });
        await ws.Client.PutAsJsonAsync($"/api/v1/groups/{running}/members/{newer}", new { role = "Admin" });
        var vip = await ws.Client.CreateTagAsync("vip");
        var wine = await ws.Client.CreateTagAsync("wine");
        await ws.Client.PutAsync($"/api/v1/members/{older}/tags/{vip}", null);
        await ws.Client.PutAsync($"/api/v1/members/{newer}/tags/{vip}", null);
        await using (var db = ws.OpenDb())
        {
            await db.Tags.Where(t => t.Id == wine).ExecuteUpdateAsync(s => s.SetProperty(t => t.Kind, TagKind.Interest));
            db.MemberTags.Add(new MemberTag { MemberId = newer, TagId = wine, Weight = 2.5, AddedAt = Day1.UtcDateTime });
            await db.SaveChangesAsync();
        }

        return new MergeScenario(ws, channel, older, newer, books, running, vip, wine);
    }

    /// <summary>Every row a merge touches, one line each, sorted: equal dumps mean equal tables.</summary>
    public async Task<List<string>> DumpAsync()
    {
        await using var db = Ws.OpenDb();
        var lines = new List<string>();
        lines.AddRange((await db.Members.AsNoTracking().ToListAsync()).Select(m =>
            $"member {m.Id} {m.DisplayName} {m.Email} {m.Phone} {m.Note} {m.SearchText} {m.CreatedAt:O} {m.LastActiveAt:O} {m.ActivityScore:R} {m.ActivityScoreAt:O}"));
        lines.AddRange((await db.MemberIdentities.AsNoTracking().ToListAsync()).Select(i => $"identity {i.Id} {i.MemberId} {i.ChannelId} {i.ExternalUserId} {i.DisplayName} {i.CreatedAt:O}"));
        lines.AddRange((await db.Memberships.AsNoTracking().ToListAsync()).Select(m => $"membership {m.Id} {m.MemberId} {m.GroupId} {m.Role} {m.JoinedAt:O} {m.LeftAt:O}"));
        lines.AddRange((await db.Groups.AsNoTracking().ToListAsync()).Select(g => $"group {g.Id} {g.MemberCount}"));
        lines.AddRange((await db.MemberTags.AsNoTracking().ToListAsync()).Select(t => $"tag {t.MemberId} {t.TagId} {t.Weight:R} {t.WeightAt:O} {t.DecayKey:O} {t.AddedAt:O}"));
        lines.AddRange((await db.MemberFacts.AsNoTracking().ToListAsync()).Select(f => $"fact {f.EventId} {f.Topic} {f.MemberId}"));
        lines.AddRange((await db.TagChanges.AsNoTracking().ToListAsync()).Select(c => $"tagchange {c.Id} {c.MemberId} {c.TagId} {c.Change}"));
        lines.AddRange((await db.MemberAttributes.AsNoTracking().ToListAsync()).Select(a => $"attribute {a.MemberId} {a.Key} {a.Value} {a.UpdatedAt:O}"));
        lines.AddRange((await db.Events.AsNoTracking().ToListAsync()).Select(e => $"event {e.Id} {e.MemberId} {e.GroupId}"));
        lines.AddRange((await db.MemberDays.AsNoTracking().ToListAsync()).Select(d => $"memberday {d.MemberId} {d.GroupId} {d.Day} {d.Messages} {d.Reactions} {d.Interactions}"));
        lines.AddRange((await db.GroupDays.AsNoTracking().ToListAsync()).Select(d => $"groupday {d.GroupId} {d.Day} {d.Messages} {d.Reactions} {d.Joins} {d.Leaves} {d.ActiveMembers}"));
        lines.AddRange((await db.MemberMatchKeys.AsNoTracking().ToListAsync()).Select(k => $"matchkey {k.MemberId} {k.Key} {k.Value}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
