using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Features.Events;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// Every place the ingest loads touch the pipeline's own API, so a rewrite of ingest and processing is adapted here
/// and nowhere else: store one call's events (what POST /api/v1/events does), drain what is pending, the settings
/// and background service that run it. Everything else goes through the app's use cases and tables.
/// </summary>
internal sealed class PipelineSeam(IServiceProvider services)
{
    /// <summary>Events per ingest call in the throughput load (the API's maximum).</summary>
    public const int CallSize = IngestEvents.MaxBatch;

    public static IEnumerable<KeyValuePair<string, string?>> Settings(bool runWorker, int? processBatch)
    {
        yield return new("Pipeline:RunWorker", runWorker.ToString());
        if (processBatch is { } size)
        {
            yield return new("Pipeline:BatchSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static bool KeepHostedService(ServiceDescriptor descriptor, bool pipelineWorker) =>
        descriptor.ImplementationType == typeof(SqliteCheckpointer) || (pipelineWorker && descriptor.ImplementationType == typeof(PipelineWorker));

    public int ProcessBatch => services.GetRequiredService<IOptions<PipelineOptions>>().Value.BatchSize;

    /// <summary>Stores one call's events and returns once they are committed (the API's 202).</summary>
    public async Task<int> StoreAsync(Guid workspaceId, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = services.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
        var response = await scope.ServiceProvider.GetRequiredService<IngestEvents>().ExecuteAsync(db, events, cancellationToken);
        return response.Errors.Count == 0
            ? response.Accepted
            : throw new InvalidOperationException($"The traffic is invalid: event {response.Errors[0].Index}, {response.Errors[0].Field}: {response.Errors[0].Message}");
    }

    /// <summary>Events stored but not yet processed (the worker's queue).</summary>
    public async Task<int> PendingAsync(Guid workspaceId)
    {
        await using var db = services.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
        return await db.PendingEvents.CountAsync();
    }

    /// <summary>Processes everything pending (no worker running); returns the number of events processed.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken) => services.GetRequiredService<EventProcessor>().DrainAsync(cancellationToken);
}
