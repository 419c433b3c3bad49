using System.Diagnostics.Metrics;
using Qunyun.Hosting;

namespace Qunyun.Features.Outbox;

/// <summary>
/// Where a dispatcher round's time goes (meter <c>Qunyun.Outbox</c>): selecting heads, claiming, delivering, recording
/// outcomes, and how many outcomes each commit carries. The benchmark reads it; an operator watches it.
/// </summary>
public static class OutboxMetrics
{
    public const string MeterName = "Qunyun.Outbox";

    private static readonly Meter Meter = new(MeterName);

    private static readonly PhaseHistogram Phases = new(Meter, "qunyun.outbox.phase.duration", "Time spent per dispatcher round in one phase");

    private static readonly Histogram<int> Outcomes = Meter.CreateHistogram<int>(
        "qunyun.outbox.commit.outcomes", "{outcome}", "Outcomes recorded by one commit");

    public static long Phase(string phase, long since) => Phases.Phase(phase, since);

    public static void Committed(int outcomes) => Outcomes.Record(outcomes);
}
