using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>
/// A round records the outcomes of all its groups in one commit; a crash before that commit re-delivers exactly the
/// round's actions (same idempotency keys) once their lease runs out, and no group's next action goes out before.
/// </summary>
public sealed class OutboxGroupCommitTests(OutboxGroupCommitTests.App app) : IClassFixture<OutboxGroupCommitTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public CommitProbe Probe { get; } = new();

        public QunyunApp Host { get; } = new();

        public Task InitializeAsync()
        {
            Host.With("Pipeline:RunWorker", "false").With("Outbox:RunWorker", "false").With("Outbox:MaxAttempts", "2")
                .WithServices(services => services.AddSingleton<IInterceptor>(Probe));
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
    }

    [Fact]
    public async Task Round_ManyGroupsMixedOutcomes_RecordedByOneCommit()
    {
        var ws = await app.Host.CreateWorkspaceAsync("group-commit");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, app.Host.Clock);
        var channel = await ws.Client.CreateWebhookChannelAsync(receiver.Url);
        var groups = Enumerable.Range(0, 12).Select(_ => (Guid?)Guid.CreateVersion7()).ToList();
        await ws.QueueAsync(channel, [.. groups.Select((g, i) => (g, $"first-{i}")), .. groups.Select((g, i) => (g, $"second-{i}"))]);
        receiver.Respond = body => body.GetProperty("idempotencyKey").GetString() switch
        {
            "first-0" => 500,
            "first-1" => 400,
            "first-2" => 501,
            _ => 200,
        };
        var dispatcher = app.Host.Services.GetRequiredService<OutboxDispatcher>();

        var commits = await app.Probe.CountAsync(() => dispatcher.DispatchDueAsync());

        Assert.Equal(2, commits); // one claims the round's 12 heads, one records their 12 outcomes
        var rows = await ws.RowsAsync();
        Assert.Equal(12, receiver.Requests.Count);
        Assert.Equal((OutboxStatus.Pending, 1), (rows["first-0"].Status, rows["first-0"].Attempts));
        Assert.True(rows["first-0"].NextAttemptAt > app.Host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(OutboxStatus.Dead, rows["first-1"].Status);
        Assert.Equal(OutboxStatus.Unsupported, rows["first-2"].Status);
        Assert.All(Enumerable.Range(3, 9), i => Assert.Equal(("ref:first-" + i, OutboxStatus.Delivered), (rows[$"first-{i}"].PlatformRef, rows[$"first-{i}"].Status)));
        Assert.All(groups.Select((_, i) => rows[$"second-{i}"]), r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task CrashBeforeCommit_RoundRedeliveredAfterLeaseWithSameKeys_NextActionsWait()
    {
        var ws = await app.Host.CreateWorkspaceAsync("group-commit-crash");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, app.Host.Clock);
        var channel = await ws.Client.CreateWebhookChannelAsync(receiver.Url);
        Guid? a = Guid.CreateVersion7(), b = Guid.CreateVersion7();
        await ws.QueueAsync(channel, (a, "a1"), (b, "b1"), (a, "a2"), (b, "b2"));
        var dispatcher = app.Host.Services.GetRequiredService<OutboxDispatcher>();

        app.Probe.FailCommit(2); // the claim commits, the outcomes do not
        await Assert.ThrowsAnyAsync<Exception>(() => dispatcher.DispatchDueAsync());

        Assert.Equal(["a1", "b1"], receiver.Requests.Select(r => r.IdempotencyKey).Order().ToArray());
        Assert.All((await ws.RowsAsync()).Values, r => Assert.Equal((OutboxStatus.Pending, 0, null), (r.Status, r.Attempts, r.LastAttemptAt)));

        // While the lost round's lease holds, nothing of these groups goes out: not a1/b1 again, and not a2/b2 ahead of them.
        var restarted = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Host.Services);
        Assert.Equal(0, await restarted.DispatchDueAsync());
        Assert.Equal(2, receiver.Requests.Count);

        app.Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(1), 10, restarted);

        Assert.All((await ws.RowsAsync()).Values, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        var requests = receiver.Requests;
        Assert.Equal(["a1", "a1", "a2"], requests.Where(r => r.GroupId == a).Select(r => r.IdempotencyKey).ToArray());
        Assert.Equal(["b1", "b1", "b2"], requests.Where(r => r.GroupId == b).Select(r => r.IdempotencyKey).ToArray());
        Assert.All(requests, r => Assert.Equal(r.IdempotencyKey, r.IdempotencyHeader));
    }

    /// <summary>Counts commits, or makes one fail like a process dying just before it.</summary>
    public sealed class CommitProbe : IDbTransactionInterceptor
    {
        private int _commits;
        private int _failAt = -1;

        public void FailCommit(int nth) => Volatile.Write(ref _failAt, Volatile.Read(ref _commits) + nth);

        public async Task<int> CountAsync(Func<Task> act)
        {
            var before = Volatile.Read(ref _commits);
            await act();
            return Volatile.Read(ref _commits) - before;
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _commits) == Volatile.Read(ref _failAt)
                ? throw new InvalidOperationException("The process died before the commit.")
                : ValueTask.FromResult(result);
    }
}
