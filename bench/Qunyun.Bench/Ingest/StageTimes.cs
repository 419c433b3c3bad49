using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Events;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// Wall time per pipeline stage (each registered <see cref="IEventStage"/>, per event and at the end of each batch),
/// by wrapping the app's own registrations in their order. The pipeline's phase table only has their sum.
/// </summary>
internal sealed class StageTimes
{
    private readonly ConcurrentDictionary<string, (double Seconds, long Calls)> _totals = new();

    public static void Wrap(IServiceCollection services, StageTimes times)
    {
        foreach (var stage in services.Where(d => d.ServiceType == typeof(IEventStage)).ToList())
        {
            services.Remove(stage);
            services.AddSingleton<IEventStage>(sp => new Timed(
                (IEventStage)(stage.ImplementationInstance ?? stage.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, stage.ImplementationType!)), times));
        }
    }

    public void Print()
    {
        Console.WriteLine("  stages (inside process.stages):     wall      calls");
        foreach (var (name, (seconds, calls)) in _totals.OrderByDescending(t => t.Value.Seconds))
        {
            Console.WriteLine($"    {name,-28} {seconds,8:0.00} s {calls,10:N0}");
        }
    }

    private void Add(string name, long started) =>
        _totals.AddOrUpdate(name, (Stopwatch.GetElapsedTime(started).TotalSeconds, 1), (_, sum) => (sum.Seconds + Stopwatch.GetElapsedTime(started).TotalSeconds, sum.Calls + 1));

    private sealed class Timed(IEventStage inner, StageTimes times) : IEventStage
    {
        private readonly string _name = inner.GetType().Name;

        public async ValueTask ProcessAsync(ProcessedEvent processed, PipelineBatch batch, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await inner.ProcessAsync(processed, batch, cancellationToken);
            times.Add($"{_name} per event", started);
        }

        public async ValueTask CompleteBatchAsync(IReadOnlyList<ProcessedEvent> processed, PipelineBatch batch, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await inner.CompleteBatchAsync(processed, batch, cancellationToken);
            times.Add($"{_name} end of batch", started);
        }
    }
}
