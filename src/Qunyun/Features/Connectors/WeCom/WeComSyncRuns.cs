using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>Where each channel's initial sync stands (<see cref="WeComSyncRun"/>): started once at a time, counted as it goes, ended with its error.</summary>
public sealed class WeComSyncRuns(QunyunDbFactory factory, TimeProvider clock)
{
    public const int MaxError = 500;
    private readonly SemaphoreSlim _starting = new(1, 1);

    public async Task<WeComSyncProgress?> ProgressOfAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        return (await db.WeComSyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.ChannelId == channelId, cancellationToken))?.Progress();
    }

    /// <summary>False while a sync of the channel runs.</summary>
    public async Task<bool> TryStartAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            await using var db = factory.Create(workspaceId);
            var run = await db.WeComSyncRuns.FirstOrDefaultAsync(r => r.ChannelId == channelId, cancellationToken);
            if (run is { Running: true })
            {
                return false;
            }

            run ??= db.WeComSyncRuns.Add(new WeComSyncRun { ChannelId = channelId }).Entity;
            (run.Running, run.Groups, run.GroupsDone, run.Members, run.StartedAt, run.FinishedAt, run.ErrorCode, run.ErrorMessage) =
                (true, 0, 0, 0, clock.GetUtcNow().UtcDateTime, null, null, null);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task FoundAsync(Guid workspaceId, Guid channelId, int groups, CancellationToken cancellationToken) =>
        UpdateAsync(workspaceId, channelId, s => s.SetProperty(r => r.Groups, r => r.Groups + groups), cancellationToken);

    public Task GroupDoneAsync(Guid workspaceId, Guid channelId, int members, CancellationToken cancellationToken) =>
        UpdateAsync(workspaceId, channelId, s => s.SetProperty(r => r.GroupsDone, r => r.GroupsDone + 1).SetProperty(r => r.Members, r => r.Members + members), cancellationToken);

    public Task FinishAsync(Guid workspaceId, Guid channelId, WeComException? problem, CancellationToken cancellationToken)
    {
        var message = problem?.PlatformMessage is { Length: > MaxError } text ? text[..MaxError] : problem?.PlatformMessage;
        return UpdateAsync(workspaceId, channelId, s => s.SetProperty(r => r.Running, false).SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(r => r.ErrorCode, problem?.Code).SetProperty(r => r.ErrorMessage, message), cancellationToken);
    }

    /// <summary>On start: the runs the last process left running never finish, so they end as interrupted.</summary>
    public async Task EndInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        await db.WeComSyncRuns.IgnoreQueryFilters().Where(r => r.Running).ExecuteUpdateAsync(s => s.SetProperty(r => r.Running, false)
            .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime).SetProperty(r => r.ErrorCode, WeComException.Interrupted).SetProperty(r => r.ErrorMessage, (string?)null),
            cancellationToken);
    }

    private async Task UpdateAsync(
        Guid workspaceId, Guid channelId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<WeComSyncRun>> set, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        await db.WeComSyncRuns.Where(r => r.ChannelId == channelId).ExecuteUpdateAsync(set, cancellationToken);
    }
}
