using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>Callbacks of a channel stored and not yet processed, and the last error of those waiting for a retry.</summary>
public sealed record WeComInboxState(int Waiting, string? Error);

/// <summary>
/// The durable hand-over between WeCom's callback and the pipeline. The receiver stores each decrypted callback in its
/// own short transaction (never behind the pipeline's single writer) and answers at once; <see cref="DrainAsync"/>,
/// run by <see cref="WeComInboxWorker"/>, processes the entries oldest first and deletes each once it is done. A crash
/// in between repeats an entry, which stores nothing twice: its events have stable ids and its notice the entry's id.
/// </summary>
public sealed class WeComInbox(QunyunDbFactory factory, WeComEvents events, TimeProvider clock, ILogger<WeComInbox> logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromMinutes(5);
    private readonly Hosting.WakeSignal _wake = new();
    private readonly SemaphoreSlim _draining = new(1, 1);

    public async Task SaveAsync(ChannelSnapshot channel, string key, string xml, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(channel.WorkspaceId);
        var now = clock.GetUtcNow();
        db.WeComInbox.Add(new WeComInboxEntry { Id = Guid.CreateVersion7(now), ChannelId = channel.Id, Key = key, Xml = xml, ReceivedAt = now.UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        _wake.Wake();
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public static async Task<WeComInboxState> StateAsync(QunyunDb db, Guid channelId, CancellationToken cancellationToken)
    {
        var waiting = await db.WeComInbox.CountAsync(e => e.ChannelId == channelId, cancellationToken);
        var error = waiting == 0 ? null : await db.WeComInbox.Where(e => e.ChannelId == channelId && e.LastError != null)
            .OrderByDescending(e => e.Attempts).Select(e => e.LastError).FirstOrDefaultAsync(cancellationToken);
        return new(waiting, error);
    }

    /// <summary>Processes every entry that is due; returns how many were done. One drain at a time per process.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await _draining.WaitAsync(cancellationToken);
        try
        {
            var done = 0;
            while (await DueAsync(cancellationToken) is { Count: > 0 } due)
            {
                foreach (var entry in due)
                {
                    done += await ProcessAsync(entry, cancellationToken) ? 1 : 0;
                }

                if (due.Count < BatchSize)
                {
                    break;
                }
            }

            return done;
        }
        finally
        {
            _draining.Release();
        }
    }

    private async Task<List<WeComInboxEntry>> DueAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WeComInbox.IgnoreQueryFilters().AsNoTracking().Where(e => e.RetryAt == null || e.RetryAt <= now)
            .OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private async Task<bool> ProcessAsync(WeComInboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await using (var db = factory.CreateUnscoped())
            {
                var channel = await db.Channels.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == entry.ChannelId, cancellationToken);
                // A channel deleted since has nowhere to put the callback.
                if (channel is not null && WeComXml.Parse(entry.Xml) is { } message)
                {
                    await events.ProcessAsync(ChannelSnapshot.Of(channel), entry, message, cancellationToken);
                    return true;
                }
            }

            await using var scoped = factory.Create(entry.WorkspaceId);
            await scoped.WeComInbox.Where(e => e.Id == entry.Id).ExecuteDeleteAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = entry.Attempts + 1;
            var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), MaxRetryWait.TotalSeconds));
            logger.LogWarning(e, "WeCom callback {Entry} of channel {Channel} failed (attempt {Attempts}); retried in {Wait}", entry.Id, entry.ChannelId, attempts, wait);
            await using var db = factory.Create(entry.WorkspaceId);
            var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            var retryAt = clock.GetUtcNow().UtcDateTime + wait;
            await db.WeComInbox.Where(x => x.Id == entry.Id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error).SetProperty(x => x.RetryAt, retryAt), CancellationToken.None);
            return false;
        }
    }
}
