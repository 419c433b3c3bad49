using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.LiveCodes;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Groups;
using Qunyun.Features.Groups.TypePolicy;

namespace Qunyun.Features.LiveCodes;

/// <summary>Pools as the console and the API show them: groups with their seats and state, and the runway.</summary>
public sealed class LiveCodeQueries(LiveCodeRoutes routes, LiveCodeScanWriter scans, ConnectorRegistry connectors, TimeProvider clock)
{
    public async Task<List<PoolSummary>> ListAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var ids = await db.Set<LiveCodePool>().AsNoTracking().OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(cancellationToken);
        var pools = new List<PoolSummary>();
        foreach (var id in ids)
        {
            pools.Add(Summary((await GetAsync(db, id, cancellationToken))!));
        }

        return pools;
    }

    public async Task<PoolResponse?> GetAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        var pool = await db.Set<LiveCodePool>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pool is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from pg in db.Set<LiveCodePoolGroup>().AsNoTracking()
                          join g in db.Groups.AsNoTracking() on pg.GroupId equals g.Id
                          join c in db.Channels.AsNoTracking() on g.ChannelId equals c.Id
                          where pg.PoolId == id
                          orderby pg.Position
                          select new { pg.Id, pg.GroupId, pg.Position, pg.Threshold, pg.JoinUrl, pg.QrExpiresAt, HasQr = pg.QrImage != null, pg.QrRemindedAt, pg.BaselineMembers, Group = g, Channel = c })
            .ToListAsync(cancellationToken);
        var seats = await routes.SeatsAsync(db.WorkspaceId, id);
        var groups = rows.Select(r => new
        {
            Row = r,
            Cap = LiveCodeCaps.SeatCap(r.Channel.Kind, GroupPolicies.Of(r.Group).Capacity, r.Threshold),
            Taken = seats.TakenBy(r.Id, r.BaselineMembers, r.Group.MemberCount),
            NeedsQr = LiveCodeCaps.NeedsUploadedQr(r.Channel.Kind),
        }).ToList();
        var states = groups.Select(g => new SeatState(g.Cap, g.Taken, g.Row.JoinUrl is not null, g.NeedsQr, g.Row.HasQr ? g.Row.QrExpiresAt : null)).ToList();
        var current = pool.Paused ? -1 : LiveCodeRouting.Pick(states, now);
        var responses = groups.Select((g, i) => new PoolGroupResponse(
            g.Row.GroupId, g.Row.Group.Name, g.Row.Channel.Kind, g.Row.Position, g.Row.Threshold, g.Cap, g.Row.Group.MemberCount, g.Taken,
            StateOf(i == current, states[i], now), g.Row.JoinUrl, g.NeedsQr, g.Row.HasQr ? g.Row.QrExpiresAt : null, g.Row.QrRemindedAt is not null,
            GroupLinks.IsLinked(g.Row.Group.ExternalId) && connectors.CapabilitiesOf(ChannelSnapshot.Of(g.Row.Channel)).Supports(ConnectorActions.CreateInviteLink))).ToList();
        var free = states.Where(s => s.CanReceive(now)).Sum(s => (long)s.Cap - s.Taken);
        await scans.FlushAsync(cancellationToken);
        var window = TimeSpan.FromTicks(Math.Min(LiveCodeRunway.Window.Ticks, (now - pool.CreatedAt).Ticks));
        var since = now - window;
        var arrivals = await db.Set<LiveCodeScan>().CountAsync(s => s.PoolId == id && s.NewSeat && s.At >= since, cancellationToken);
        var runway = LiveCodeRunway.Of((int)Math.Min(int.MaxValue, free), arrivals, window, pool.AlertLeadDays);
        return new PoolResponse(pool.Id, pool.Name, pool.Purpose, pool.Rules, PathOf(pool.Slug), pool.Paused, pool.AlertLeadDays, pool.CreatedAt, responses, runway);
    }

    public async Task<LiveCodeAttention> AttentionAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var pools = await ListAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var expiring = await (from pg in db.Set<LiveCodePoolGroup>().AsNoTracking()
                              join p in db.Set<LiveCodePool>().AsNoTracking() on pg.PoolId equals p.Id
                              join g in db.Groups.AsNoTracking() on pg.GroupId equals g.Id
                              where pg.QrRemindedAt != null && pg.QrExpiresAt != null && !p.Paused
                              orderby pg.QrExpiresAt
                              select new { p.Id, Pool = p.Name, GroupId = g.Id, Group = g.Name, ExpiresAt = pg.QrExpiresAt!.Value }).ToListAsync(cancellationToken);
        return new LiveCodeAttention(
            [.. pools.Where(p => !p.Paused && p.Runway.Alert)],
            [.. expiring.Select(e => new ExpiringQr(e.Id, e.Pool, e.GroupId, e.Group, e.ExpiresAt, e.ExpiresAt <= now))]);
    }

    public static string PathOf(string slug) => $"/j/{slug}";

    private static PoolSummary Summary(PoolResponse pool) => new(
        pool.Id, pool.Name, pool.Paused, pool.Path, pool.Groups.Count, pool.Groups.FirstOrDefault(g => g.State == PoolGroupState.Current)?.Name,
        pool.Runway, pool.Groups.Count(g => g.QrReminder));

    private static PoolGroupState StateOf(bool current, SeatState seat, DateTime now) => seat switch
    {
        _ when current => PoolGroupState.Current,
        { NeedsQr: true } when !(seat.QrExpiresAt > now) => PoolGroupState.NeedsQr,
        { NeedsQr: false, HasLink: false } => PoolGroupState.NeedsLink,
        _ when seat.Taken >= seat.Cap => PoolGroupState.Full,
        _ => PoolGroupState.Waiting,
    };
}
