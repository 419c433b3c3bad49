namespace Qunyun.Features.Demo;

public enum DemoPhase
{
    Idle,
    Members,
    Traffic,
    Finishing,
    Done,
    Failed,
}

/// <summary>How far the background demo fill is, for the console's banner; one per process.</summary>
public sealed class DemoProgress
{
    private readonly Lock _lock = new();

    public event Action? Changed;

    public DemoPhase Phase { get; private set; } = DemoPhase.Idle;

    /// <summary>Events sent so far and in all (the traffic phase), or members added and wanted (the members phase).</summary>
    public (int Done, int Total) Count { get; private set; }

    public string? Error { get; private set; }

    public bool Running => Phase is DemoPhase.Members or DemoPhase.Traffic or DemoPhase.Finishing;

    public void Report(DemoPhase phase, int done = 0, int total = 0, string? error = null)
    {
        lock (_lock)
        {
            (Phase, Count, Error) = (phase, (done, total), error);
        }

        Changed?.Invoke();
    }
}
