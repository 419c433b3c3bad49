using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Qunyun.Features.Events;
using Qunyun.Features.Outbox;

namespace Qunyun.Bench;

/// <summary>
/// Sums a meter's phase timings (<see cref="PipelineMetrics"/>, <see cref="OutboxMetrics"/>) while the load runs, with the process's CPU time
/// between one phase's end and the next (the load runs its phases one after another, so that is the phase's CPU time;
/// on a shared machine it says more than the wall clock, which also counts waiting for a core).
/// </summary>
internal sealed class PhaseTimes : IDisposable
{
    private readonly string _unit;
    private readonly ConcurrentDictionary<string, (double Seconds, double Cpu, int Count)> _totals = new();
    private readonly MeterListener _listener = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private TimeSpan _lastCpu;

    public PhaseTimes(string meterName = PipelineMetrics.MeterName, string unit = "batches")
    {
        _unit = unit;
        _lastCpu = _process.TotalProcessorTime;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            _process.Refresh();
            var cpu = _process.TotalProcessorTime;
            var used = (cpu - _lastCpu).TotalSeconds;
            _lastCpu = cpu;
            var phase = tags.Length > 0 ? tags[0].Value as string ?? "" : "";
            _totals.AddOrUpdate(phase, (seconds, used, 1), (_, sum) => (sum.Seconds + seconds, sum.Cpu + used, sum.Count + 1));
        });
        _listener.Start();
    }

    public void Print()
    {
        Console.WriteLine($"  phases, summed over {_unit}:        wall        CPU   wall/{(_unit.EndsWith("ches", StringComparison.Ordinal) ? _unit[..^2] : _unit.TrimEnd('s'))}");
        foreach (var (phase, (seconds, cpu, count)) in _totals.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {phase,-28} {seconds,8:0.00} s {cpu,8:0.00} s  {seconds * 1000 / count,8:0.0} ms  ({count:N0} {_unit})");
        }
    }

    /// <summary>Wall seconds summed over the given phases.</summary>
    public double Seconds(params string[] phases) => phases.Sum(p => _totals.TryGetValue(p, out var total) ? total.Seconds : 0);

    public void Dispose() => _listener.Dispose();
}
