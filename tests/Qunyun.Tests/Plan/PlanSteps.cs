using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Plan;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Plan;

/// <summary>A host whose scheduler and pipeline only move when a test steps them.</summary>
public sealed class PlanApp : IAsyncLifetime
{
    public QunyunApp Host { get; } = Configure(new QunyunApp());

    public static QunyunApp Configure(QunyunApp app) => app.With("Pipeline:RunWorker", "false").With("Plan:RunWorker", "false");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
}

/// <summary>A host of a test's own (its own database and clock), dropped with its database at the end of the test.</summary>
public sealed class OwnHost : IAsyncDisposable
{
    public QunyunApp App { get; } = PlanApp.Configure(new QunyunApp());

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

public static class PlanSteps
{
    public static Task<StepReport> StepPlanAsync(this QunyunApp app) => app.Services.GetRequiredService<PlanScheduler>().StepAsync(CancellationToken.None);

    public static async Task<Guid> CreateEntryAsync(this HttpClient client, object body) =>
        (await client.PostOkAsync("/api/v1/plan/entries", body)).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateContentAsync(this HttpClient client, string title = "什么是私域流量", string category = "PopularScience") =>
        (await client.PostOkAsync("/api/v1/content", new { title, body = "五分钟读懂私域流量：从公域引流到社群运营。", category, topics = new[] { "私域", "运营" }, readingMinutes = 5 }))
            .GetProperty("id").GetGuid();

    public static JsonElement Payload(string json) => JsonDocument.Parse(json).RootElement;
}
