using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Qunyun.Features.Events;

namespace Qunyun.Bench;

/// <summary>
/// Sums the pipeline's phase timings (<see cref="PipelineMetrics"/>) while the load runs, with the process's CPU time
/// between one phase's end and the next (the load runs its phases one after another, so that is the phase's CPU time;
/// on a shared machine it says more than the wall clock, which also counts waiting for a core).
/// </summary>
internal sealed class PhaseTimes : IDisposable
{
    private readonly ConcurrentDictionary<string, (double Seconds, double Cpu, int Count)> _totals = new();
    private readonly MeterListener _listener = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private TimeSpan _lastCpu;

    public PhaseTimes()
    {
        _lastCpu = _process.TotalProcessorTime;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.MeterName)
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
        Console.WriteLine("  phases, summed over batches:        wall        CPU   wall/batch");
        foreach (var (phase, (seconds, cpu, count)) in _totals.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {phase,-28} {seconds,8:0.00} s {cpu,8:0.00} s  {seconds * 1000 / count,8:0.0} ms  ({count:N0} batches)");
        }
    }

    public void Dispose() => _listener.Dispose();
}
