namespace Qunyun.Features.Merges;

/// <summary>
/// One merge or undo at a time in this process: each reads two members' rows and rewrites them, and two of them on
/// overlapping members must not interleave.
/// </summary>
public sealed class MergeLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
