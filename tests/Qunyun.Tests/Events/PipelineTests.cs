using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Scoring;
using Qunyun.Features.Events;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Events;

public sealed class PipelineTests(PipelineTests.App app) : IClassFixture<PipelineTests.App>
{
    /// <summary>The host plus one extra stage that queues an action per message, as moderation and the bot will.</summary>
    public sealed class App : IAsyncLifetime
    {
        public QunyunApp Host { get; } = new();

        public Task InitializeAsync()
        {
            // No background worker: these tests drive the pipeline themselves, so failures happen where they look.
            Host.With("Pipeline:RunWorker", "false").WithServices(services =>
            {
                // The echo stage takes the points stage's place in PipelineStages.Order (these tests award no points).
                services.Remove(services.Single(d => d.ServiceType == typeof(IPipelineStage) && d.ImplementationType?.Name == "PointsStage"));
                services.AddSingleton<IPipelineStage, EchoStage>();
            });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
    }

    private sealed class EchoStage : IPipelineStage
    {
        public string Name => PipelineStages.Points;

        public ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
        {
            foreach (var processed in batch.Events)
            {
                if (processed.Payload.Message?.Text == "boom")
                {
                    throw new InvalidOperationException("a stage cannot handle this event");
                }

                if (processed.Kind == Engine.Events.EventKind.Message && processed.Payload.Message?.Text == "echo")
                {
                    batch.Enqueue(processed, processed.Event.ChannelId, processed.Group?.Id, new SendTextAction(processed.Event.ExternalGroupId!, "echo"), $"echo:{processed.Event.Id}");
                }
            }

            return ValueTask.CompletedTask;
        }
    }

    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai

    [Fact]
    public async Task Process_UnknownUsersAndGroup_CreatesMembersGroupAndMemberships()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-identity");
        var channel = await ws.Client.CreateChannelAsync("Telegram");

        await ws.Client.IngestAsync(
            Infrastructure.Events.Of("member_joined", channel, "j1", "-100777", "tg-1", Day1),
            Infrastructure.Events.Message(channel, "m1", "-100777", "tg-1", Day1.AddMinutes(1), "大家好，我是小林", name: "小林"),
            Infrastructure.Events.Message(channel, "m2", "-100777", "tg-2", Day1.AddMinutes(2), "hello", name: "Alex"));
        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        var group = await db.Groups.SingleAsync();
        var members = await db.Members.Include(m => m.Identities).OrderBy(m => m.DisplayName).ToListAsync();
        Assert.Equal("Telegram 群", group.Name);
        Assert.Equal(GroupType.LongTerm, group.Type);
        Assert.Equal(2, group.MemberCount);
        Assert.Equal(["Alex", "小林"], members.Select(m => m.DisplayName));
        Assert.All(members, m => Assert.Single(m.Identities));
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.GroupId == group.Id && m.LeftAt == null));
        Assert.Equal(0, await db.PendingEvents.CountAsync());
        Assert.All(await db.Events.ToListAsync(), e => Assert.NotNull(e.MemberId));
    }

    [Fact]
    public async Task Process_LeaveAndRejoin_KeepMembershipAndCountsRight()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-membership");
        var channel = await ws.Client.CreateChannelAsync();

        await ws.Client.IngestAsync(
            Infrastructure.Events.Of("member_joined", channel, "j1", "g", "u1", Day1),
            Infrastructure.Events.Of("member_joined", channel, "j2", "g", "u2", Day1),
            Infrastructure.Events.Of("member_left", channel, "l1", "g", "u1", Day1.AddHours(1)));
        await app.Host.DrainAsync();
        await using (var db = ws.OpenDb())
        {
            Assert.Equal(1, (await db.Groups.SingleAsync()).MemberCount);
        }

        await ws.Client.IngestAsync(Infrastructure.Events.Of("member_joined", channel, "j3", "g", "u1", Day1.AddHours(2)));
        await app.Host.DrainAsync();

        await using var check = ws.OpenDb();
        var day = await check.GroupDays.SingleAsync();
        Assert.Equal(2, (await check.Groups.SingleAsync()).MemberCount);
        Assert.Equal((3, 1), (day.Joins, day.Leaves));
        Assert.Equal(2, await check.Memberships.CountAsync());
    }

    [Fact]
    public async Task Process_Rollups_EqualARecountFromRawEvents()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-rollups");
        var channel = await ws.Client.CreateChannelAsync();
        var random = new Random(7);
        var events = new List<object>();
        for (var i = 0; i < 400; i++)
        {
            var at = Day1.AddMinutes(random.Next(0, 60 * 24 * 5));
            var (group, user) = ($"g{random.Next(3)}", $"u{random.Next(25)}");
            events.Add(random.Next(4) == 0
                ? Infrastructure.Events.Of("reaction", channel, $"r{i}", group, user, at, new { emoji = "👍", targetExternalEventId = "m0" }, "reaction")
                : Infrastructure.Events.Message(channel, $"m{i}", group, user, at));
        }

        foreach (var chunk in events.Chunk(150))
        {
            await ws.Client.IngestAsync(chunk);
        }

        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var raw = (await db.Events.ToListAsync()).Select(e => (e.Kind, e.GroupId, e.MemberId, Day: LocalDay.Of(e.OccurredAt, zone))).ToList();
        var groupDays = await db.GroupDays.ToListAsync();
        var memberDays = await db.MemberDays.ToListAsync();
        foreach (var day in groupDays)
        {
            var same = raw.Where(r => r.GroupId == day.GroupId && r.Day == day.Day).ToList();
            Assert.Equal(same.Count(r => r.Kind == "message"), day.Messages);
            Assert.Equal(same.Count(r => r.Kind == "reaction"), day.Reactions);
            Assert.Equal(same.Select(r => r.MemberId).Distinct().Count(), day.ActiveMembers);
        }

        Assert.Equal(raw.Select(r => (r.GroupId, r.Day)).Distinct().Count(), groupDays.Count);
        Assert.Equal(raw.Select(r => (r.MemberId, r.GroupId, r.Day)).Distinct().Count(), memberDays.Count);
        Assert.Equal(raw.Count, memberDays.Sum(d => d.Interactions));
    }

    [Fact]
    public async Task Ingest_TwoWritersAtOnce_StoreAndProcessEachEventExactlyOnce()
    {
        // A CLI verb (demo, import) beside a running server is a second writer with its own lock and warm state.
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-two-ingest-writers");
        var channel = await ws.Client.CreateChannelAsync();
        var events = Enumerable.Range(0, 600).Select(i => i % 3 == 0
            ? new IngestEvent("purchase", channel, $"p{i}", "g1", null, $"u{i % 40}", null, Day1.AddMinutes(i),
                Purchase: new PurchaseBody($"o{i}", 10, "CNY", null, ["咖啡"]))
            : new IngestEvent("message", channel, $"m{i}", $"g{i % 2}", null, $"u{i % 40}", null, Day1.AddMinutes(i), Message: new MessageBody("你好", null, null, null))).ToList();
        var services = app.Host.Services;
        var other = ActivatorUtilities.CreateInstance<PipelineWriter>(services, new SingleWriter(), ActivatorUtilities.CreateInstance<WarmStates>(services));
        var writers = new[] { services.GetRequiredService<PipelineWriter>(), other };

        // Each writer takes every event, in chunks, so the same events race into both.
        var runs = writers.Select(writer => Task.Run(async () =>
        {
            var ingest = ActivatorUtilities.CreateInstance<IngestEvents>(services, writer);
            var accepted = 0;
            foreach (var chunk in events.Chunk(100))
            {
                await using var db = ws.OpenDb();
                accepted += (await ingest.ExecuteAsync(db, chunk, CancellationToken.None)).Accepted;
            }

            return accepted;
        })).ToList();
        var totals = await Task.WhenAll(runs);

        Assert.Equal(600, totals.Sum());
        await using var check = ws.OpenDb();
        Assert.Equal(600, await check.Events.CountAsync(e => e.MemberId != null));
        Assert.Equal(200 * 2, await check.MemberFacts.CountAsync()); // per purchase: the event and its one topic
        Assert.Equal(400, (await check.GroupDays.ToListAsync()).Sum(d => d.Messages));
        Assert.Equal(40, await check.Members.CountAsync());
    }

    [Fact]
    public async Task Process_TwoWritersAtOnce_ProcessEachEventExactlyOnce()
    {
        // A CLI verb (demo, import) beside a running server is a second writer with its own in-process lock.
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-two-writers");
        var channel = await ws.Client.CreateChannelAsync();
        ws.HoldInPending();
        var events = Enumerable.Range(0, 600).Select(i => i % 3 == 0
            ? Infrastructure.Events.Of("purchase", channel, $"p{i}", "g1", $"u{i % 40}", Day1.AddMinutes(i),
                new { orderId = $"o{i}", amount = 10, currency = "CNY", topics = new[] { "咖啡" } }, "purchase")
            : Infrastructure.Events.Message(channel, $"m{i}", $"g{i % 2}", $"u{i % 40}", Day1.AddMinutes(i)));
        foreach (var chunk in events.Chunk(200))
        {
            await ws.Client.IngestAsync(chunk);
        }

        var first = app.Host.Services.GetRequiredService<EventProcessor>();
        var second = ActivatorUtilities.CreateInstance<EventProcessor>(app.Host.Services, new SingleWriter(), ActivatorUtilities.CreateInstance<WarmStates>(app.Host.Services));
        var totals = await Task.WhenAll(Task.Run(() => first.DrainAsync(CancellationToken.None)), Task.Run(() => second.DrainAsync(CancellationToken.None)));

        Assert.Equal(600, totals.Sum());
        await using var db = ws.OpenDb();
        Assert.Equal(0, await db.PendingEvents.CountAsync());
        Assert.Equal(200 * 2, await db.MemberFacts.CountAsync()); // per purchase: the event and its one topic
        Assert.Equal(400, (await db.GroupDays.ToListAsync()).Sum(d => d.Messages));
    }

    [Fact]
    public async Task Process_ActivityScoreAndLastActive_FollowTheFormula()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-score");
        var channel = await ws.Client.CreateChannelAsync();

        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "m1", "g", "u", Day1),
            Infrastructure.Events.Message(channel, "m2", "g", "u", Day1.AddDays(14), replyTo: "m0"),
            Infrastructure.Events.Of("purchase", channel, "p1", null, "u", Day1.AddDays(14), new { orderId = "o-1", amount = 68, currency = "CNY", topics = new[] { "ethiopia" } }, "purchase"));
        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        var member = await db.Members.SingleAsync();
        Assert.Equal(0.5 + 1.5 + 2.0, member.ActivityScore, 6);
        Assert.Equal(Day1.AddDays(14).UtcDateTime, member.LastActiveAt);
        Assert.Equal(1, await db.MemberDays.CountAsync(d => d.GroupId == Guid.Empty));
    }

    [Fact]
    public async Task Process_Stages_CommitTheirActionsWithTheEvent()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-stages");
        var channel = await ws.Client.CreateChannelAsync();

        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "m1", "g", "u", Day1, "echo"), Infrastructure.Events.Message(channel, "m2", "g", "u", Day1, "quiet"));
        await app.Host.DrainAsync();

        await using var db = ws.OpenDb();
        var action = await db.Outbox.SingleAsync();
        Assert.Equal("send_text", action.Action);
        Assert.StartsWith("echo:", action.IdempotencyKey);
        Assert.Equal(await db.Groups.Select(g => (Guid?)g.Id).SingleAsync(), action.GroupId);
    }

    [Fact]
    public async Task Process_PoisonEvent_FailsItsBatchThenIsSetAsideAndTheRestGoOn()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-poison");
        var channel = await ws.Client.CreateChannelAsync();
        var processor = app.Host.Services.GetRequiredService<EventProcessor>();

        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "ok-1", "g", "u", Day1, "first"),
            Infrastructure.Events.Message(channel, "bad", "g", "u", Day1.AddMinutes(1), "boom"),
            Infrastructure.Events.Message(channel, "ok-2", "g", "u", Day1.AddMinutes(2), "third"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.DrainAsync(CancellationToken.None));
        await using (var stuck = ws.OpenDb())
        {
            Assert.Equal(3, await stuck.PendingEvents.CountAsync());
            Assert.Equal(0, await stuck.MemberDays.CountAsync());
        }

        var setAside = await processor.SetAsideNextFailureAsync(CancellationToken.None);
        await processor.DrainAsync(CancellationToken.None);

        await using var db = ws.OpenDb();
        var bad = await db.Events.SingleAsync(e => e.ExternalEventId == "bad");
        var failed = await db.FailedEvents.SingleAsync();
        Assert.Equal(bad.Id, setAside);
        Assert.Equal(bad.Id, failed.EventId);
        Assert.Contains("a stage cannot handle this event", failed.Error);
        Assert.Equal(0, await db.PendingEvents.CountAsync());
        Assert.Equal(2, await db.MemberDays.SumAsync(d => d.Messages));
        Assert.Null(await processor.SetAsideNextFailureAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FailedEvents_CanBeListedRetriedAndDiscarded()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-failed-api");
        var channel = await ws.Client.CreateChannelAsync();
        ws.HoldInPending();
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "a", "g", "u", Day1, "first"), Infrastructure.Events.Message(channel, "b", "g", "u", Day1, "second"));
        long[] ids;
        await using (var db = ws.OpenDb())
        {
            // As the worker leaves them after giving up: out of the queue, into FailedEvents.
            ids = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToArrayAsync();
            await db.PendingEvents.ExecuteDeleteAsync();
            db.FailedEvents.AddRange(ids.Select(id => new FailedEvent { EventId = id, Error = "stage crashed", FailedAt = Day1.UtcDateTime }));
            await db.SaveChangesAsync();
        }

        var listed = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/events/failed");
        var retried = await ws.Client.PostAsync($"/api/v1/events/failed/{ids[0]}/retry", null);
        var discarded = await ws.Client.DeleteAsync($"/api/v1/events/failed/{ids[1]}");
        var discardedAgain = await ws.Client.DeleteAsync($"/api/v1/events/failed/{ids[1]}");
        await app.Host.DrainAsync();

        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.Equal("stage crashed", listed.GetProperty("items")[0].GetProperty("error").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, discardedAgain.StatusCode);
        await using var check = ws.OpenDb();
        Assert.Equal(0, await check.FailedEvents.CountAsync());
        Assert.Equal(1, await check.MemberDays.SumAsync(d => d.Messages));
        Assert.NotNull((await check.Events.SingleAsync(e => e.Id == ids[0])).MemberId);
        Assert.Null((await check.Events.SingleAsync(e => e.Id == ids[1])).MemberId);
    }

    [Fact]
    public async Task Timeline_ListsTheMembersEventsNewestFirst_AndDashboardCountsThem()
    {
        var ws = await app.Host.CreateWorkspaceAsync("pipeline-timeline");
        var channel = await ws.Client.CreateChannelAsync();
        var now = app.Host.Clock.GetUtcNow();

        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "old", "g", "u", now.AddDays(-3), "三天前"),
            Infrastructure.Events.Message(channel, "new", "g", "u", now.AddMinutes(-5), "刚刚"),
            Infrastructure.Events.Of("content_viewed", channel, "c1", null, "u", now.AddDays(-1), new { id = "a-1", title = "埃塞俄比亚产区", topics = new[] { "ethiopia" } }, "content"),
            Infrastructure.Events.Message(channel, "other", "g", "v", now.AddMinutes(-1), "别人"));
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        var member = await db.MemberIdentities.Where(i => i.ExternalUserId == "u").Select(i => i.MemberId).SingleAsync();

        var page = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/timeline?pageSize=2");
        var second = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/timeline?pageSize=2&page=2");
        var figures = await app.Host.Services.GetRequiredService<Features.Dashboard.DashboardFigures>().ReadAsync(db);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["刚刚", "埃塞俄比亚产区"], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
        Assert.Equal("content_viewed", page.GetProperty("items")[1].GetProperty("kind").GetString());
        Assert.Equal("三天前", second.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(2, figures.ActiveMembers7Days);
    }
}
