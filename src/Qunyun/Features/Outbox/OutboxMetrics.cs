using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Qunyun.Features.Outbox;

/// <summary>
/// Where a dispatcher round's time goes (meter <c>Qunyun.Outbox</c>): selecting heads, claiming, delivering, recording
/// outcomes, and how many outcomes each commit carries. The benchmark reads it; an operator watches it.
/// </summary>
public static class OutboxMetrics
{
    public const string MeterName = "Qunyun.Outbox";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Phases = Meter.CreateHistogram<double>(
        "qunyun.outbox.phase.duration", "s", "Time spent per dispatcher round in one phase");

    private static readonly Histogram<int> Outcomes = Meter.CreateHistogram<int>(
        "qunyun.outbox.commit.outcomes", "{outcome}", "Outcomes recorded by one commit");

    /// <summary>Records the time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) and returns now.</summary>
    public static long Phase(string phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        Phases.Record(Stopwatch.GetElapsedTime(since, now).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
        return now;
    }

    public static void Committed(int outcomes) => Outcomes.Record(outcomes);
}
