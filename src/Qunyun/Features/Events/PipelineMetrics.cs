using System.Diagnostics;
using System.Diagnostics.Metrics;
using Qunyun.Hosting;

namespace Qunyun.Features.Events;

/// <summary>
/// How long each phase of storing and processing takes (meter <c>Qunyun.Pipeline</c>): what the benchmark reads to
/// tell where a batch's time goes, and what an operator watches when throughput drops.
/// </summary>
public static class PipelineMetrics
{
    public const string MeterName = "Qunyun.Pipeline";

    private static readonly Meter Meter = new(MeterName);

    private static readonly PhaseHistogram Phases = new(Meter, "qunyun.pipeline.phase.duration", "Time spent per batch in one phase of the event pipeline");

    /// <summary>Records the time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) and returns now.</summary>
    public static long Phase(string phase, long since) => Phases.Phase(phase, since);
}
