using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Simulation;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Accounts;
using Qunyun.Features.Demo;
using Qunyun.Features.Events;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Demo;

/// <summary>The demo simulator on a small workspace, judged by what the pipeline stored.</summary>
public sealed partial class DemoTrafficTests(DemoTrafficTests.Seeded demo) : IClassFixture<DemoTrafficTests.Seeded>
{
    private const int Members = 300;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public sealed class Seeded : IAsyncLifetime
    {
        public QunyunApp Host { get; } = new();
        public Guid WorkspaceId { get; private set; }
        public string Report { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Host.With("Pipeline:RunWorker", "false").With("Outbox:RunWorker", "false").DeliverWebhooksToItself();
            using var scope = Host.Services.CreateScope();
            Report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Members, CancellationToken.None);
            await using var db = Host.Db.CreateUnscoped();
            WorkspaceId = await db.Workspaces.Where(w => w.Slug == DemoSeeder.Slug).Select(w => w.Id).SingleAsync();
            await DeliverAsync();
        }

        /// <summary>What the outbox worker does in the background: rounds until nothing is due (a second apart, for the rate limits).</summary>
        public async Task DeliverAsync()
        {
            var dispatcher = Host.Services.GetRequiredService<Features.Outbox.OutboxDispatcher>();
            for (var idle = 0; idle < 5;)
            {
                idle = await dispatcher.DispatchDueAsync() > 0 ? 0 : idle + 1;
                Host.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
    }

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(demo.Host.Clock.GetUtcNow().UtcDateTime, Shanghai));

    [Fact]
    public async Task Seed_CoversTheLast90Days_AndEveryEventWasProcessed()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var now = demo.Host.Clock.GetUtcNow().UtcDateTime;

        var first = await db.Events.MinAsync(e => e.OccurredAt);
        var last = await db.Events.MaxAsync(e => e.OccurredAt);
        var days = await db.GroupDays.Select(d => d.Day).Distinct().ToListAsync();

        Assert.Contains("added 300 members", demo.Report);
        Assert.InRange(first, now.AddDays(-90), now.AddDays(-88));
        Assert.InRange(last, now.AddDays(-1), now);
        Assert.Equal(Today.AddDays(-89), days.Min());
        Assert.True(days.Count >= 85, $"activity on {days.Count} of 90 days");
        Assert.Equal(0, await db.PendingEvents.CountAsync());
        Assert.Equal(0, await db.Events.CountAsync(e => e.ClockSkewed || e.MemberId == null));
        Assert.Equal(Members, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Seed_Rollups_AgreeWithTheEvents()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);

        Assert.Equal(await db.Events.CountAsync(e => e.Kind == "message"), await db.GroupDays.SumAsync(d => d.Messages));
        Assert.Equal(await db.Events.CountAsync(e => e.Kind == "reaction"), await db.GroupDays.SumAsync(d => d.Reactions));
        Assert.Equal(await db.Events.CountAsync(e => e.Kind == "member_joined"), await db.GroupDays.SumAsync(d => d.Joins));
        Assert.Equal(await db.Events.CountAsync(e => e.Kind == "member_left"), await db.GroupDays.SumAsync(d => d.Leaves));
        Assert.True(await db.GroupDays.SumAsync(d => d.Joins) > 0 && await db.GroupDays.SumAsync(d => d.Leaves) > 0, "members come and go");
        Assert.Equal(await db.Memberships.CountAsync(m => m.LeftAt == null), await db.Groups.SumAsync(g => g.MemberCount));
    }

    [Fact]
    public async Task Seed_DecayingGroups_FallSilentInTheLastTwoWeeks_GrowingOnesGetLouder()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var decaying = ExternalIds(TrajectoryKind.Decaying);
        var growing = ExternalIds(TrajectoryKind.Growing);
        var rollups = await db.GroupDays.Join(db.Groups, d => d.GroupId, g => g.Id, (d, g) => new { g.ExternalId, d.Day, d.Messages, d.Reactions, d.ActiveMembers })
            .ToListAsync();
        var (start, lastTwoWeeks) = (Today.AddDays(-89), Today.AddDays(-13));

        var fading = rollups.Where(r => decaying.Contains(r.ExternalId)).ToList();
        var rising = rollups.Where(r => growing.Contains(r.ExternalId)).ToList();

        Assert.True(fading.Where(r => r.Day < start.AddDays(30)).Sum(r => r.Messages) > 50, "the decaying groups were alive at first");
        var stillFading = FadingIds();
        Assert.DoesNotContain(fading, r => !stillFading.Contains(r.ExternalId) && r.Day >= lastTwoWeeks && (r.Messages > 0 || r.Reactions > 0 || r.ActiveMembers > 0));
        Assert.True(rising.Where(r => r.Day >= Today.AddDays(-29)).Sum(r => r.Messages) > 2 * rising.Where(r => r.Day < start.AddDays(30)).Sum(r => r.Messages));
    }

    [Fact]
    public async Task Seed_Messages_PeakAtLunchAndInTheEveningShanghaiTime()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var times = await db.Events.Where(e => e.Kind == "message").Select(e => e.OccurredAt).ToListAsync();

        var hours = new int[24];
        times.ForEach(t => hours[TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), Shanghai).Hour]++);

        var night = hours[2] + hours[3] + hours[4] + hours[5];
        Assert.True(hours[12] + hours[13] > 5 * night, $"lunch {hours[12] + hours[13]} vs night {night}");
        Assert.True(hours[20] + hours[21] > 5 * night, $"evening {hours[20] + hours[21]} vs night {night}");
        Assert.True(hours[12] > hours[10] && hours[21] > hours[17], string.Join(" ", hours));
    }

    [Fact]
    public async Task Seed_InterestTags_AreDerivedFromTheTrafficForEveryTopic()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);

        var interests = await db.Tags.Where(t => t.Kind == TagKind.Interest)
            .Select(t => new { t.Name, Members = db.MemberTags.Count(m => m.TagId == t.Id) }).ToListAsync();

        Assert.Contains(interests, t => t.Name == "interest:ethiopia" && t.Members > 0);
        Assert.Contains(interests, t => t.Name == "interest:espresso" && t.Members > 0);
        Assert.False(await db.Tags.AnyAsync(t => t.Kind != TagKind.Interest && t.Name.StartsWith("interest:")), "the demo leaves the interest: names to the pipeline");
    }

    [Fact]
    public async Task Seed_CommerceAndContent_CarryTheirTopics_AndTextsAreBilingual()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var payloads = await db.Events.Where(e => e.Kind != "message" && e.Kind != "reaction" && e.Kind != "member_joined" && e.Kind != "member_left")
            .Select(e => new { e.Kind, e.Payload }).ToListAsync();
        var texts = await db.Events.Where(e => e.Kind == "message").Select(e => e.Payload).ToListAsync();

        var purchases = payloads.Where(p => p.Kind == "purchase").Select(p => EventPayload.Read(p.Payload).Purchase!).ToList();
        var views = payloads.Where(p => p.Kind == "content_viewed").Select(p => EventPayload.Read(p.Payload).Content!).ToList();
        var attended = payloads.Where(p => p.Kind == "event_attended").Select(p => EventPayload.Read(p.Payload).Attendance!).ToList();
        var messages = texts.Select(t => EventPayload.Read(t).Message!).ToList();

        Assert.NotEmpty(purchases);
        Assert.All(purchases, p =>
        {
            Assert.Equal("CNY", p.Currency);
            Assert.NotEmpty(p.Topics!);
            Assert.Equal(p.Items!.Sum(i => i.Price!.Value * i.Quantity!.Value), p.Amount);
        });
        Assert.Contains(views, v => v.Topics!.Contains("italian-wine"));
        Assert.All(views.Concat(attended), v => Assert.NotEmpty(v.Topics!));
        Assert.NotEmpty(attended);
        Assert.Contains(payloads, p => p.Kind == "check_in");
        Assert.Contains(messages, m => m.Text!.Any(c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.Contains(messages, m => m.Text!.All(c => c < 128));
        var replies = messages.Count(m => m.ReplyToExternalEventId is not null);
        Assert.True(replies > messages.Count / 20, $"members reply to each other: {replies} replies in {messages.Count} messages");
    }

    [Fact]
    public async Task Seed_MostActiveMember_HasATimeline()
    {
        Guid memberId;
        await using (var db = demo.Host.Db.Create(demo.WorkspaceId))
        {
            memberId = await db.Members.OrderByDescending(m => m.ActivityScore).Select(m => m.Id).FirstAsync();
        }

        var client = await demo.Host.ClientAsync(demo.WorkspaceId, Roles.Analyst);
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}/timeline?pageSize=50");

        Assert.True(timeline.GetProperty("total").GetInt32() > 10);
        var kinds = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("message", kinds);
    }

    [Fact]
    public async Task Seed_SetsUpTheBot_WithTemplatesThatCompile()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);

        var templates = await db.MessageTemplates.ToListAsync();

        Assert.All(templates, t => Assert.NotNull(Engine.Templates.LiquidTemplate.Compile(t.BodyZh, t.Purpose, out _)));
        Assert.All(templates, t => Assert.NotNull(Engine.Templates.LiquidTemplate.Compile(t.BodyEn, t.Purpose, out _)));
        Assert.Equal(3, await db.AutoReplyRules.CountAsync());
        Assert.Equal(2, await db.GroupBotSettings.CountAsync(s => s.WelcomeEnabled));
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.IdempotencyKey.StartsWith("bot:welcome"))); // set up after the traffic: the past is not re-welcomed
    }

    [Fact]
    public async Task Seed_EveryOutboxRow_ReadsBackThroughTheCatalogue()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);

        var rows = await db.Outbox.AsNoTracking().ToListAsync();

        OutboxAssert.ReadBack(rows);
    }

    [Fact]
    public async Task SeedAgain_AndResendingTheTraffic_StoreNothingNew()
    {
        using var scope = demo.Host.Services.CreateScope();
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        // The feedback and idle-chat demos' own messages are not traffic.
        var before = await db.Events.CountAsync(e => !e.ExternalEventId.StartsWith("demo-feedback-") && !e.ExternalEventId.StartsWith("demo-idle-chat-"));

        var again = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Members, CancellationToken.None);
        var resent = await scope.ServiceProvider.GetRequiredService<DemoTraffic>().SendAsync(demo.WorkspaceId, 0, Members, CancellationToken.None);

        Assert.Contains($"already has {Members} members", again);
        Assert.Equal(before, resent.Generated);
        Assert.Equal(0, resent.Accepted);
        Assert.Equal(resent.Generated, resent.Duplicates);
        Assert.Equal(0, resent.Processed);
        Assert.Equal(before, await db.Events.CountAsync(e => !e.ExternalEventId.StartsWith("demo-feedback-") && !e.ExternalEventId.StartsWith("demo-idle-chat-")));
    }

    private static HashSet<string> ExternalIds(TrajectoryKind kind) =>
        DemoCatalog.Groups.Select((g, i) => (g, i)).Where(x => x.g.Life.Kind == kind).Select(x => DemoStructure.ExternalId(x.i)).ToHashSet();

    /// <summary>Decaying groups that fall silent only after the period (<see cref="DemoLife.Fading"/>): still declining today.</summary>
    private static HashSet<string> FadingIds() =>
        DemoCatalog.Groups.Select((g, i) => (g, i)).Where(x => x.g.Life == DemoLife.Fading).Select(x => DemoStructure.ExternalId(x.i)).ToHashSet();

    [Fact]
    public async Task Seed_CheckInsEarnedPoints_OncePerMemberAndLocalDay()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var checkIns = await db.Events.Where(e => e.Kind == "check_in").Select(e => new { e.MemberId, e.OccurredAt }).ToListAsync();
        var memberDays = checkIns.Select(c => (c.MemberId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.OccurredAt, Shanghai)))).Distinct().Count();

        Assert.NotEmpty(checkIns);
        Assert.Equal(memberDays, await db.PointsEntries.CountAsync(e => e.Reason == Features.Points.PointsReason.CheckIn));
        Assert.Equal(memberDays * 5L + await db.PointsEntries.CountAsync(e => e.Reason == Features.Points.PointsReason.StreakBonus) * 20L,
            await db.PointsEntries.SumAsync(e => (long)e.Delta));
    }
}
