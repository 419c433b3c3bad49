using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;

namespace Qunyun.Features.Channels;

/// <summary>What a connector knows about its channel's connection (a detached copy of <see cref="ChannelState"/>).</summary>
public sealed record ChannelConnection(
    Guid WorkspaceId, Guid ChannelId, ChannelReceiveMode Mode, long Cursor, string? AccountId, string? AccountName, string? InboundSecret,
    bool Healthy, string? LastError, DateTime? LastErrorAt, DateTime? LastContactAt, DateTime? FailingSince = null)
{
    public static ChannelConnection Initial(Guid workspaceId, Guid channelId) =>
        new(workspaceId, channelId, ChannelReceiveMode.Polling, 0, null, null, null, true, null, null, null);
}

/// <summary>A group chat seen in a channel's updates.</summary>
public sealed record SeenChat(string ExternalId, string Title, string Type, bool BotIsMember);

/// <summary>
/// The one writer of connector-owned state (connection, chats seen, replay nonces): connectors keep what they need
/// between updates here instead of in tables of their own, so a new platform needs no schema of its own.
/// </summary>
public sealed class ChannelStateStore(QunyunDbFactory factory, TimeProvider clock)
{
    private const int MaxErrorLength = 1000;
    private const int MaxTitleLength = 256;

    /// <summary>The connection of a channel in any workspace (inbound webhooks do not know theirs yet); null before first use.</summary>
    public async Task<ChannelConnection?> FindAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var state = await db.ChannelStates.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        return state is null ? null : Snapshot(state);
    }

    /// <summary>Whether staff switched the channel off: inbound endpoints then refuse its traffic.</summary>
    public async Task<bool> DisabledAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        return await db.Channels.IgnoreQueryFilters().AnyAsync(c => c.Id == channelId && c.DisabledAt != null, cancellationToken);
    }

    public async Task<ChannelConnection> GetAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var state = await db.ChannelStates.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        return state is null ? ChannelConnection.Initial(workspaceId, channelId) : Snapshot(state);
    }

    /// <summary>Channels of a kind with credentials that receive by polling and are healthy (or were never used).</summary>
    public async Task<IReadOnlyList<(Guid WorkspaceId, Guid ChannelId)>> PollingAsync(ChannelKind kind, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var channels = await db.Channels.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Kind == kind && c.ProtectedCredentials != null && c.DisabledAt == null)
            .Where(c => !db.ChannelStates.IgnoreQueryFilters().Any(s => s.ChannelId == c.Id && (s.Mode != ChannelReceiveMode.Polling || !s.Healthy)))
            .Select(c => new { c.WorkspaceId, c.Id })
            .ToListAsync(cancellationToken);
        return [.. channels.Select(c => (c.WorkspaceId, c.Id))];
    }

    /// <summary>The connections of a workspace's channels that have one, for lists.</summary>
    public async Task<Dictionary<Guid, ChannelConnection>> ListAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var states = await db.ChannelStates.AsNoTracking().ToListAsync(cancellationToken);
        return states.ToDictionary(s => s.ChannelId, Snapshot);
    }

    /// <summary>Forgets everything connector-owned about a channel (it is being deleted).</summary>
    public async Task ForgetAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        await db.ChannelNonces.Where(n => n.ChannelId == channelId).ExecuteDeleteAsync(cancellationToken);
        await db.ChannelChats.Where(c => c.ChannelId == channelId).ExecuteDeleteAsync(cancellationToken);
        await db.ChannelStates.Where(s => s.ChannelId == channelId).ExecuteDeleteAsync(cancellationToken);
    }

    public Task SetAccountAsync(Guid workspaceId, Guid channelId, string accountId, string? accountName, CancellationToken cancellationToken) =>
        UpdateAsync(workspaceId, channelId, s => (s.AccountId, s.AccountName) = (accountId, accountName), cancellationToken);

    public Task SetReceiveModeAsync(Guid workspaceId, Guid channelId, ChannelReceiveMode mode, string? inboundSecret, CancellationToken cancellationToken) =>
        UpdateAsync(workspaceId, channelId, s => (s.Mode, s.InboundSecret) = (mode, inboundSecret), cancellationToken);

    /// <summary>The platform answered: the channel is healthy; the cursor only moves forward.</summary>
    public Task RecordContactAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken, long? cursor = null) =>
        UpdateAsync(workspaceId, channelId, s =>
        {
            s.Cursor = Math.Max(s.Cursor, cursor ?? s.Cursor);
            s.Healthy = true;
            s.LastContactAt = clock.GetUtcNow().UtcDateTime;
            s.FailingSince = null;
        }, cancellationToken);

    /// <summary>Keeps the platform's words for the console; <paramref name="unhealthy"/> when the credentials no longer work.</summary>
    public Task RecordErrorAsync(Guid workspaceId, Guid channelId, string error, bool unhealthy, CancellationToken cancellationToken) =>
        UpdateAsync(workspaceId, channelId, s =>
        {
            s.LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            s.LastErrorAt = clock.GetUtcNow().UtcDateTime;
            s.FailingSince ??= s.LastErrorAt;
            s.Healthy = s.Healthy && !unhealthy;
        }, cancellationToken);

    public async Task RememberChatsAsync(Guid workspaceId, Guid channelId, IReadOnlyList<SeenChat> seen, CancellationToken cancellationToken)
    {
        var latest = seen.GroupBy(c => c.ExternalId).Select(g => g.Last()).ToList();
        if (latest.Count == 0)
        {
            return;
        }

        await using var db = factory.Create(workspaceId);
        var ids = latest.Select(c => c.ExternalId).ToList();
        var known = await db.ChannelChats.Where(c => c.ChannelId == channelId && ids.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var chat in latest)
        {
            if (!known.TryGetValue(chat.ExternalId, out var row))
            {
                row = new ChannelChat { Id = Guid.CreateVersion7(now), ChannelId = channelId, ExternalId = chat.ExternalId, Title = chat.Title, Type = chat.Type };
                db.ChannelChats.Add(row);
            }

            row.Title = chat.Title.Length > MaxTitleLength ? chat.Title[..MaxTitleLength] : chat.Title;
            row.Type = chat.Type;
            row.BotIsMember = chat.BotIsMember;
            row.SeenAt = now.UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The chats seen in a channel's updates, by title.</summary>
    public async Task<IReadOnlyList<(SeenChat Chat, DateTime SeenAt)>> ChatsAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var chats = await db.ChannelChats.AsNoTracking().Where(c => c.ChannelId == channelId).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        return [.. chats.Select(c => (new SeenChat(c.ExternalId, c.Title, c.Type, c.BotIsMember), c.SeenAt))];
    }

    /// <summary>Records a one-time value (a request's signature); false when it was seen before (a replay). Prunes what is older than <paramref name="keep"/>.</summary>
    public async Task<bool> TryUseNonceAsync(Guid workspaceId, Guid channelId, string nonce, TimeSpan keep, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - keep;
        await db.ChannelNonces.Where(n => n.ChannelId == channelId && n.SeenAt < expired).ExecuteDeleteAsync(cancellationToken);
        db.ChannelNonces.Add(new ChannelNonce { ChannelId = channelId, Nonce = nonce, SeenAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>
    /// Takes one of <paramref name="capacity"/> slots of a platform quota (WeCom: one mass message per customer per
    /// day); returns the slot's name, or null when all are taken. A slot is kept as a nonce dated <paramref name="until"/>,
    /// the end of its period, so the replay pruning (rows older than now minus a window) keeps it until then.
    /// </summary>
    public async Task<string?> TryTakeSlotAsync(Guid workspaceId, Guid channelId, string key, int capacity, DateTime until, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var prefix = key + "#";
        var taken = (await db.ChannelNonces.Where(n => n.ChannelId == channelId && n.Nonce.StartsWith(prefix)).Select(n => n.Nonce).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var name in Enumerable.Range(1, capacity).Select(i => prefix + i).Where(n => !taken.Contains(n)))
        {
            var slot = db.ChannelNonces.Add(new ChannelNonce { ChannelId = channelId, Nonce = name, SeenAt = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return name;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                slot.State = EntityState.Detached;
            }
        }

        return null;
    }

    /// <summary>Forgets a one-time value or gives a quota slot back: the work it guarded did not happen.</summary>
    public async Task ForgetNonceAsync(Guid workspaceId, Guid channelId, string nonce, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        await db.ChannelNonces.Where(n => n.ChannelId == channelId && n.Nonce == nonce).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task UpdateAsync(Guid workspaceId, Guid channelId, Action<ChannelState> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = factory.Create(workspaceId);
            var state = await db.ChannelStates.FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
            var created = state is null;
            if (state is null)
            {
                state = new ChannelState { ChannelId = channelId };
                db.ChannelStates.Add(state);
            }

            change(state);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (created && attempt == 0)
            {
                // Two deliveries on a channel without state failed at once and both created its row: apply ours to theirs.
            }
        }
    }

    private static ChannelConnection Snapshot(ChannelState s) =>
        new(s.WorkspaceId, s.ChannelId, s.Mode, s.Cursor, s.AccountId, s.AccountName, s.InboundSecret, s.Healthy, s.LastError, s.LastErrorAt, s.LastContactAt,
            s.FailingSince);
}
