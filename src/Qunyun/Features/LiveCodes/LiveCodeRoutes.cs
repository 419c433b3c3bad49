using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.LiveCodes;
using Qunyun.Features.Groups.TypePolicy;

namespace Qunyun.Features.LiveCodes;

internal sealed record RouteGroup(
    Guid PoolGroupId, Guid GroupId, string Name, int Cap, int Members, int Baseline, string? JoinUrl, bool NeedsQr, DateTime? QrExpiresAt, string ImageKey);

/// <summary>A pool as the redirect needs it, read once and kept until the pool changes (or the member counts refresh).</summary>
internal sealed record PoolRoute(Guid WorkspaceId, Guid PoolId, string Name, string Purpose, string Rules, bool Paused, IReadOnlyList<RouteGroup> Groups);

/// <summary>
/// The pools' warm state: the redirect reads no pool from the database. Definitions reload after an edit or when the
/// workers refresh member counts; the seats taken are kept apart and never reload, so an edit during a burst of scans
/// cannot forget a seat. Qunyun runs one process per database, so a lock in memory is the atomic reservation.
/// </summary>
public sealed class LiveCodeRoutes(QunyunDbFactory factory)
{
    private readonly ConcurrentDictionary<string, PoolRoute> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Lazy<Task<PoolSeats>>> _seats = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    internal async ValueTask<PoolRoute?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (_routes.TryGetValue(slug, out var route))
        {
            return route;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_routes.TryGetValue(slug, out route))
            {
                return route;
            }

            route = await LoadAsync(slug, cancellationToken);
            if (route is not null)
            {
                _routes[slug] = route;
            }

            return route;
        }
        finally
        {
            _loading.Release();
        }
    }

    internal async Task<PoolSeats> SeatsAsync(Guid workspaceId, Guid poolId)
    {
        var seats = _seats.GetOrAdd(poolId, id => new Lazy<Task<PoolSeats>>(() => PoolSeats.LoadAsync(factory, workspaceId, id)));
        try
        {
            return await seats.Value;
        }
        catch
        {
            _seats.TryRemove(new KeyValuePair<Guid, Lazy<Task<PoolSeats>>>(poolId, seats)); // the next scan tries again
            throw;
        }
    }

    public void Invalidate(string slug) => _routes.TryRemove(slug, out _);

    /// <summary>Every pool reloads its definition on its next scan (the member counts changed).</summary>
    public void InvalidateAll() => _routes.Clear();

    public void Forget(string slug, Guid poolId)
    {
        Invalidate(slug);
        _seats.TryRemove(poolId, out _);
    }

    private async Task<PoolRoute?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Guid workspaceId;
        await using (var probe = factory.CreateUnscoped())
        {
            workspaceId = await probe.Set<LiveCodePool>().IgnoreQueryFilters().Where(p => p.Slug == slug).Select(p => p.WorkspaceId).FirstOrDefaultAsync(cancellationToken);
        }

        if (workspaceId == Guid.Empty)
        {
            return null;
        }

        await using var db = factory.Create(workspaceId);
        var pool = await db.Set<LiveCodePool>().AsNoTracking().FirstAsync(p => p.Slug == slug, cancellationToken);
        var groups = await (from pg in db.Set<LiveCodePoolGroup>().AsNoTracking()
                            join g in db.Groups.AsNoTracking() on pg.GroupId equals g.Id
                            join c in db.Channels.AsNoTracking() on g.ChannelId equals c.Id
                            where pg.PoolId == pool.Id
                            orderby pg.Position
                            select new { pg, g, c.Kind }).ToListAsync(cancellationToken);
        return new PoolRoute(workspaceId, pool.Id, pool.Name, pool.Purpose, pool.Rules, pool.Paused, [.. groups.Select(x => new RouteGroup(
            x.pg.Id, x.g.Id, x.g.Name, LiveCodeCaps.SeatCap(x.Kind, GroupPolicies.Of(x.g).Capacity, x.pg.Threshold), x.g.MemberCount, x.pg.BaselineMembers,
            x.pg.JoinUrl, LiveCodeCaps.NeedsUploadedQr(x.Kind), x.pg.QrImage is null ? null : x.pg.QrExpiresAt, x.pg.ImageKey))]);
    }
}

/// <summary>The seats a pool gave out, and to whom: reserved under one lock so concurrent scans never overfill a group.</summary>
internal sealed class PoolSeats
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _taken;
    private readonly Dictionary<string, Guid> _visitors;

    private PoolSeats(Dictionary<Guid, int> taken, Dictionary<string, Guid> visitors) => (_taken, _visitors) = (taken, visitors);

    public static async Task<PoolSeats> LoadAsync(QunyunDbFactory factory, Guid workspaceId, Guid poolId)
    {
        await using var db = factory.Create(workspaceId);
        var seats = await db.Set<LiveCodeScan>().AsNoTracking().Where(s => s.PoolId == poolId && s.NewSeat && s.PoolGroupId != null)
            .Select(s => new { s.VisitorId, PoolGroupId = s.PoolGroupId!.Value }).ToListAsync();
        var visitors = new Dictionary<string, Guid>(StringComparer.Ordinal);
        seats.ForEach(s => visitors[s.VisitorId] = s.PoolGroupId);
        return new PoolSeats(seats.GroupBy(s => s.PoolGroupId).ToDictionary(g => g.Key, g => g.Count()), visitors);
    }

    public int TakenBy(Guid poolGroupId, int baseline, int members)
    {
        lock (_lock)
        {
            return Math.Max(baseline + _taken.GetValueOrDefault(poolGroupId), members);
        }
    }

    /// <summary>The group for this visitor and whether it cost a seat; null when no group can take anyone.</summary>
    public (RouteGroup Group, bool NewSeat)? Take(PoolRoute route, string visitorId, DateTime now)
    {
        lock (_lock)
        {
            if (_visitors.TryGetValue(visitorId, out var known) && route.Groups.FirstOrDefault(g => g.PoolGroupId == known) is { } again
                && (again.NeedsQr ? again.QrExpiresAt > now : again.JoinUrl is not null))
            {
                return (again, false);
            }

            var states = route.Groups.Select(g => new SeatState(g.Cap, Taken(g), g.JoinUrl is not null, g.NeedsQr, g.QrExpiresAt)).ToList();
            if (LiveCodeRouting.Pick(states, now) is var index && index < 0)
            {
                return null;
            }

            var group = route.Groups[index];
            _taken[group.PoolGroupId] = _taken.GetValueOrDefault(group.PoolGroupId) + 1;
            _visitors[visitorId] = group.PoolGroupId;
            return (group, true);
        }
    }

    /// <summary>Seats gone: people already sent there on top of the members it had, or its members now if more.</summary>
    private int Taken(RouteGroup group) => Math.Max(group.Baseline + _taken.GetValueOrDefault(group.PoolGroupId), group.Members);
}
