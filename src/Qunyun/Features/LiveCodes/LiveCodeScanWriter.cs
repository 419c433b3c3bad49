using System.Threading.Channels;
using Qunyun.Data;

namespace Qunyun.Features.LiveCodes;

/// <summary>
/// Writes scans off the request path: a scan is queued in memory and each commit takes every scan that arrived while
/// the previous one ran, so a burst costs a few commits, not one per scan. A crash loses the scans still queued (well
/// under a second's worth under load): their counts in the statistics and, until the process restarts, nothing else —
/// but after a restart those seats are forgotten, so a group can take that many people more than its cap.
/// </summary>
public sealed class LiveCodeScanWriter(QunyunDbFactory factory, ILogger<LiveCodeScanWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2000;
    private readonly Channel<LiveCodeScan> _queue = Channel.CreateUnbounded<LiveCodeScan>(new UnboundedChannelOptions { SingleReader = false });
    private readonly SemaphoreSlim _writing = new(1, 1);

    public void Enqueue(LiveCodeScan scan) => _queue.Writer.TryWrite(scan);

    /// <summary>Returns once every scan queued before the call is in the database (statistics and tests read after it).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            while (_queue.Reader.TryPeek(out _))
            {
                await WriteAvailableAsync(cancellationToken);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    private async Task WriteAvailableAsync(CancellationToken cancellationToken)
    {
        var batch = new List<LiveCodeScan>();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var scan))
        {
            batch.Add(scan);
        }

        foreach (var workspace in batch.GroupBy(s => s.WorkspaceId))
        {
            try
            {
                await using var db = factory.Create(workspace.Key);
                db.Set<LiveCodeScan>().AddRange(workspace);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not write {Count} live-code scans of workspace {Workspace}; they are lost for the statistics", workspace.Count(), workspace.Key);
            }
        }
    }
}
