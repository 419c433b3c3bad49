using System.Diagnostics;
using System.Runtime;

namespace Qunyun.Bench.Ingest;

/// <summary>Samples the process's working set and the GC heap every 100 ms; reports the peaks.</summary>
internal sealed class MemoryMonitor : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Timer _timer;
    private long _workingSet;
    private long _heap;
    private long _committed;

    public MemoryMonitor() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));

    public void Print()
    {
        Sample();
        _process.Refresh();
        const double MB = 1024 * 1024;
        var gc = GCSettings.IsServerGC ? $"server GC, {Environment.ProcessorCount} heaps max" : "workstation GC";
        Console.WriteLine($"  memory ({gc}): peak working set {Math.Max(_workingSet, _process.PeakWorkingSet64) / MB:N0} MB (sampled {_workingSet / MB:N0} MB), " +
            $"peak GC heap {_heap / MB:N0} MB, peak GC committed {_committed / MB:N0} MB; goal < 400 MB");
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        lock (_timer)
        {
            _process.Refresh();
            var info = GC.GetGCMemoryInfo();
            _workingSet = Math.Max(_workingSet, _process.WorkingSet64);
            _heap = Math.Max(_heap, info.HeapSizeBytes);
            _committed = Math.Max(_committed, info.TotalCommittedBytes);
        }
    }
}
