using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Outbox;

/// <summary>
/// Delivers due outbox rows through their channel's connector. Per group (channel + group) only the oldest pending
/// row is a candidate, so a group's next action waits until the previous one is delivered, dead, unsupported or
/// discarded; groups are served concurrently. A round claims its rows with one conditional UPDATE of their lease,
/// stamped with a claim id of that round, so two dispatchers (two processes) never deliver the same row; every state
/// (attempts, next attempt) lives in the row, so a restart resumes where the last one stopped.
/// </summary>
public sealed class OutboxDispatcher(
    QunyunDbFactory factory,
    IActionExecutors connectors,
    OutboxRateLimiter limiter,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>One round: claims the due group heads and tries each once. Returns how many were tried.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = Now();
        List<OutboxMessage> heads;
        Dictionary<Guid, Channel> channels;
        await using (var db = factory.CreateUnscoped())
        {
            heads = await DueHeads(db, now).Take(settings.BatchSize).ToListAsync(cancellationToken);
            var channelIds = heads.Select(h => h.ChannelId).Distinct().ToList();
            channels = await db.Channels.IgnoreQueryFilters().AsNoTracking().Where(c => channelIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, cancellationToken);
        }

        var candidates = new List<(OutboxMessage Row, Channel Channel, IActionExecutor Connector, ConnectorAction Action)>();
        foreach (var row in heads)
        {
            if (await TriageAsync(row, channels.GetValueOrDefault(row.ChannelId), now, cancellationToken) is { } ready
                && limiter.TryAcquire(ready.Channel.Kind, row.ChannelId, row.GroupId, now))
            {
                candidates.Add((row, ready.Channel, ready.Connector, ready.Action));
            }
        }

        var claim = Guid.NewGuid();
        var claimed = await ClaimAsync(candidates.Select(c => c.Row.Id).ToList(), claim, now, cancellationToken);
        var work = candidates.Where(c => claimed.Contains(c.Row.Id)).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (item, ct) => await DeliverAsync(item.Row, claim, item.Channel, item.Connector, item.Action, ct));
        return work.Count;
    }

    /// <summary>
    /// Pending, due, unclaimed rows with no older pending row in their group. The "no older row" test is split on
    /// whether the row has a group: a plain <c>p.GroupId == o.GroupId</c> becomes a null-safe OR that no index
    /// serves, making every round scan the channel's whole backlog once per pending row.
    /// </summary>
    private static IQueryable<OutboxMessage> DueHeads(QunyunDb db, DateTime now)
    {
        var pending = db.Outbox.IgnoreQueryFilters().Where(p => p.Status == OutboxStatus.Pending);
        return db.Outbox.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending
                && (o.NextAttemptAt == null || o.NextAttemptAt <= now)
                && (o.LockedUntil == null || o.LockedUntil <= now)
                && (o.GroupId == null
                    ? !pending.Any(p => p.ChannelId == o.ChannelId && p.GroupId == null && p.Sequence < o.Sequence)
                    : !pending.Any(p => o.GroupId != null && p.ChannelId == o.ChannelId && p.GroupId == o.GroupId && p.Sequence < o.Sequence)))
            .OrderBy(o => o.Sequence);
    }

    /// <summary>Settles rows that cannot be executed (no connector, unreadable, unsupported); returns the rest.</summary>
    private async Task<(Channel Channel, IActionExecutor Connector, ConnectorAction Action)?> TriageAsync(
        OutboxMessage row, Channel? channel, DateTime now, CancellationToken cancellationToken)
    {
        if (channel is null || connectors.For(channel.Kind) is not { } connector)
        {
            var reason = channel is null ? "The channel no longer exists." : $"No connector for {channel.Kind} channels; waiting for one.";
            await UpdateAsync(row.Id, null, s => s
                .SetProperty(o => o.LastError, reason)
                .SetProperty(o => o.NextAttemptAt, now + options.Value.NoConnectorRecheck), cancellationToken);
            return null;
        }

        switch (ConnectorActionParser.Parse(row.Action, row.Payload))
        {
            case ParsedAction.UnknownAction:
                await SettleAsync(row.Id, null, OutboxStatus.Unsupported, $"'{row.Action}' is not an action Qunyun knows.", row.Attempts, cancellationToken);
                return null;
            case ParsedAction.Malformed malformed:
                await SettleAsync(row.Id, null, OutboxStatus.Dead, $"Malformed payload, {malformed.Field}: {malformed.Message}", row.Attempts, cancellationToken);
                return null;
            case ParsedAction.Ok { Action: var action } when !connector.CapabilitiesFor(ChannelSnapshot.Of(channel)).Supports(action):
                await SettleAsync(row.Id, null, OutboxStatus.Unsupported, $"{channel.Kind} channel '{channel.Name}' cannot {action.Name}.", row.Attempts, cancellationToken);
                return null;
            case ParsedAction.Ok ok:
                return (channel, connector, ok.Action);
            default:
                return null;
        }
    }

    /// <summary>
    /// Leases the rows that are still pending and free in one statement (one commit per round, not per row), marking
    /// them with this round's claim id. Rows another dispatcher took first are left alone. Returns the ids held.
    /// </summary>
    private async Task<HashSet<Guid>> ClaimAsync(List<Guid> ids, Guid claim, DateTime now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = factory.CreateUnscoped();
        var rows = db.Outbox.IgnoreQueryFilters().Where(o => ids.Contains(o.Id));
        var claimed = await rows
            .Where(o => o.Status == OutboxStatus.Pending && (o.LockedUntil == null || o.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LockedUntil, now + options.Value.Lease)
                .SetProperty(o => o.LockedBy, claim), cancellationToken);
        return claimed == ids.Count
            ? [.. ids]
            : [.. await rows.Where(o => o.LockedBy == claim).Select(o => o.Id).ToListAsync(cancellationToken)];
    }

    private async Task DeliverAsync(
        OutboxMessage row, Guid claim, Channel channel, IActionExecutor connector, ConnectorAction action, CancellationToken cancellationToken)
    {
        DeliveryOutcome outcome;
        try
        {
            outcome = await connector.ExecuteAsync(ChannelSnapshot.Of(channel), action, new ActionDelivery(row.Id, row.IdempotencyKey, row.GroupId, row.CreatedAt), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Connector {Kind} threw on outbox row {Id}", channel.Kind, row.Id);
            outcome = new DeliveryOutcome.TransientFailure($"{e.GetType().Name}: {e.Message}");
        }

        await RecordAsync(row, claim, outcome, cancellationToken);
    }

    private async Task RecordAsync(OutboxMessage row, Guid claim, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var now = Now();
        var settings = options.Value;
        switch (outcome)
        {
            case DeliveryOutcome.Delivered delivered:
                await UpdateAsync(row.Id, claim, s => s
                    .SetProperty(o => o.Status, OutboxStatus.Delivered)
                    .SetProperty(o => o.DeliveredAt, now)
                    .SetProperty(o => o.LastAttemptAt, now)
                    .SetProperty(o => o.PlatformRef, Clip(delivered.PlatformRef, 500))
                    .SetProperty(o => o.LastError, (string?)null)
                    .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
                break;
            case DeliveryOutcome.RetryAfter retry:
                await UpdateAsync(row.Id, claim, s => s
                    .SetProperty(o => o.NextAttemptAt, now + retry.Delay)
                    .SetProperty(o => o.LastAttemptAt, now)
                    .SetProperty(o => o.LastError, Clip($"Retry after {retry.Delay.TotalSeconds:0.#} s: {retry.Reason}", 2000))
                    .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
                break;
            case DeliveryOutcome.TransientFailure failure when row.Attempts + 1 < settings.MaxAttempts:
                var delay = RetryBackoff.Delay(row.Attempts + 1, Random.Shared.NextDouble(), settings.BaseDelay, settings.MaxDelay);
                await UpdateAsync(row.Id, claim, s => s
                    .SetProperty(o => o.Attempts, row.Attempts + 1)
                    .SetProperty(o => o.NextAttemptAt, now + delay)
                    .SetProperty(o => o.LastAttemptAt, now)
                    .SetProperty(o => o.LastError, Clip(failure.Reason, 2000))
                    .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
                break;
            case DeliveryOutcome.TransientFailure failure:
                await SettleAsync(row.Id, claim, OutboxStatus.Dead, $"Gave up after {row.Attempts + 1} attempts: {failure.Reason}", row.Attempts + 1, cancellationToken);
                break;
            case DeliveryOutcome.PermanentFailure failure:
                await SettleAsync(row.Id, claim, OutboxStatus.Dead, failure.Reason, row.Attempts + 1, cancellationToken);
                break;
            case DeliveryOutcome.Unsupported unsupported:
                await SettleAsync(row.Id, claim, OutboxStatus.Unsupported, unsupported.Reason, row.Attempts, cancellationToken);
                break;
        }
    }

    private Task SettleAsync(Guid id, Guid? owner, OutboxStatus status, string reason, int attempts, CancellationToken cancellationToken)
    {
        var now = Now();
        return UpdateAsync(id, owner, s => s
            .SetProperty(o => o.Status, status)
            .SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.DeadAt, status == OutboxStatus.Dead ? now : null)
            .SetProperty(o => o.LastAttemptAt, owner == null ? (DateTime?)null : now)
            .SetProperty(o => o.LastError, Clip(reason, 2000))
            .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
    }

    /// <summary>Writes a row's new state; with an owner (a round's claim id), only while that claim still holds the row.</summary>
    private async Task UpdateAsync(
        Guid id, Guid? owner, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> set, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var rows = db.Outbox.IgnoreQueryFilters().Where(o => o.Id == id && o.Status == OutboxStatus.Pending);
        if (owner is { } me)
        {
            rows = rows.Where(o => o.LockedBy == me);
        }

        if (await rows.ExecuteUpdateAsync(set, cancellationToken) == 0 && owner is not null)
        {
            logger.LogWarning("Outbox row {Id} was taken over by another dispatcher before its outcome was recorded", id);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string? Clip(string? text, int length) => text is { Length: var n } && n > length ? text[..length] : text;
}
