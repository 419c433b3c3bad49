using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Accounts;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>
/// The bridge fails (500s, then 429 with Retry-After) and recovers; Qunyun restarts in the middle and runs two
/// dispatchers at once. Every action still arrives exactly once, signed, in order per group.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly List<QunyunApp> _apps = [];

    private QunyunApp Start()
    {
        var app = new QunyunApp(_database).With("Pipeline:RunWorker", "false").With("Outbox:RunWorker", "false").With("Outbox:MaxAttempts", "6");
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task Outage_FailuresRetryAfterAndRestart_EveryActionDeliveredOnceInOrderPerGroup()
    {
        var first = Start();
        var ws = await first.CreateWorkspaceAsync("outage");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, first.Clock);
        var channel = await ws.Client.CreateWebhookChannelAsync(receiver.Url);
        Guid groupA = Guid.CreateVersion7(), groupB = Guid.CreateVersion7();
        var order = new Dictionary<Guid, List<string>>
        {
            [groupA] = ["a1", "a2", "a3", "a4", "a5"],
            [groupB] = ["b1", "b2", "b3", "b4", "b5"],
        };
        await ws.QueueAsync(channel, order[groupA].Zip(order[groupB]).SelectMany(p => new[] { ((Guid?)groupA, p.First), (groupB, p.Second) }).ToArray());

        receiver.Answer(500);
        receiver.Answer(500);
        receiver.Answer(503);
        receiver.Answer(429, "120");

        // Outage: a few rounds of the first process, then it stops (with whatever is still pending).
        var dispatcher = first.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 6; round++)
        {
            await dispatcher.DispatchDueAsync();
            first.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        var beforeRestart = await ws.RowsAsync();
        Assert.Contains(beforeRestart.Values, r => r.Status == OutboxStatus.Pending);
        var now = first.Clock.GetUtcNow();
        await ((IAsyncLifetime)first).DisposeAsync();

        // A new process on the same database, with two dispatchers competing for the rows.
        var second = Start();
        second.Clock.SetUtcNow(now);
        receiver.Clock = second.Clock;
        var resumed = new TestWorkspace(second, ws.Id, await second.ClientAsync(ws.Id, Roles.Owner));
        var rival = ActivatorUtilities.CreateInstance<OutboxDispatcher>(second.Services);
        await resumed.RunUntilSettledAsync(TimeSpan.FromSeconds(20), 200, second.Services.GetRequiredService<OutboxDispatcher>(), rival);

        var rows = await resumed.RowsAsync();
        Assert.All(rows.Values, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        Assert.All(rows.Values, r => Assert.Equal($"ref:{r.IdempotencyKey}", r.PlatformRef));
        var requests = receiver.Requests;
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.All(requests, r => Assert.Equal(r.IdempotencyKey, r.IdempotencyHeader));
        Assert.Equal([500, 500, 503, 429], requests.Where(r => r.AnsweredStatus != 200).Select(r => r.AnsweredStatus).ToArray());

        var delivered = requests.Where(r => r.AnsweredStatus == 200).ToList();
        Assert.Equal(10, delivered.Count);
        Assert.Equal(10, delivered.Select(r => r.IdempotencyKey).Distinct().Count());
        foreach (var (group, keys) in order)
        {
            Assert.Equal(keys, delivered.Where(r => r.GroupId == group).Select(r => r.IdempotencyKey).ToList());

            // Never ahead of the group's head: each request is for the action after the last delivered one, or the same.
            var tried = requests.Where(r => r.GroupId == group).Select(r => keys.IndexOf(r.IdempotencyKey)).ToList();
            Assert.Equal(tried.Order().ToList(), tried);
        }

        // The 429's Retry-After held that action back for the full two minutes.
        var limited = requests.Single(r => r.AnsweredStatus == 429);
        var retried = requests.First(r => r.IdempotencyKey == limited.IdempotencyKey && r.At > limited.At);
        Assert.True(retried.At - limited.At >= TimeSpan.FromSeconds(120), $"retried after {retried.At - limited.At}");

        // Failures were counted on the rows that saw them; the 429 was not a failure.
        Assert.Equal(3, rows.Values.Sum(r => r.Attempts));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
