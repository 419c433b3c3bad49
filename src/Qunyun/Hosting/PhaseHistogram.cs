using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Qunyun.Hosting;

/// <summary>Durations of the phases of a repeated piece of work (a batch, a round), tagged with the phase's name.</summary>
public sealed class PhaseHistogram(Meter meter, string name, string description)
{
    private readonly Histogram<double> _phases = meter.CreateHistogram<double>(name, "s", description);

    /// <summary>Records the time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) and returns now.</summary>
    public long Phase(string phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        _phases.Record(Stopwatch.GetElapsedTime(since, now).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
        return now;
    }
}
