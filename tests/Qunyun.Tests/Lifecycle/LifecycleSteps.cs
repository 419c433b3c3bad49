using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Lifecycle;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Lifecycle;

/// <summary>A host of a test's own (its own database and clock) whose lifecycle worker, pipeline worker and dispatcher only move when stepped.</summary>
public sealed class LifecycleHost : IAsyncDisposable
{
    public QunyunApp App { get; } = Configure(new QunyunApp());

    public static QunyunApp Configure(QunyunApp app) =>
        app.With("Pipeline:RunWorker", "false").With("Lifecycle:RunWorker", "false").With("Outbox:RunWorker", "false").With("Plan:RunWorker", "false");

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

public static class LifecycleSteps
{
    /// <summary>The fake clock's dates: the group ends 2026-12-01; Asia/Shanghai is UTC+8, so 10:00 local is 02:00 UTC.</summary>
    public static readonly DateTimeOffset FarewellAt = DateTimeOffset.Parse("2026-12-03T02:00:00Z");

    public static readonly DateTimeOffset DissolveAt = DateTimeOffset.Parse("2026-12-04T02:00:00Z");

    public static Task<LifecycleReport> StepLifecycleAsync(this QunyunApp app) =>
        app.Services.GetRequiredService<LifecycleScheduler>().StepAsync(CancellationToken.None);

    public static object Join(Guid channel, string id, string group, string user, DateTimeOffset at) =>
        Infrastructure.Events.Of("member_joined", channel, id, group, user, at);
}
