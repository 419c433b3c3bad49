using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.LiveCodes;

namespace Qunyun.Features.LiveCodes;

/// <summary>Scans, unique scanners, joins and 7-day stays, for a pool and each of its groups.</summary>
public sealed class LiveCodeStats(LiveCodeScanWriter scans, TimeProvider clock)
{
    public async Task<PoolStatsResponse?> ForPoolAsync(QunyunDb db, Guid poolId, CancellationToken cancellationToken)
    {
        if (!await db.Set<LiveCodePool>().AnyAsync(p => p.Id == poolId, cancellationToken))
        {
            return null;
        }

        await scans.FlushAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var scanRows = await db.Set<LiveCodeScan>().AsNoTracking().Where(s => s.PoolId == poolId)
            .Select(s => new { s.PoolGroupId, s.VisitorId, s.Source }).ToListAsync(cancellationToken);
        var joins = await (from j in db.Set<LiveCodeJoin>().AsNoTracking()
                           join m in db.Memberships.AsNoTracking() on new { j.GroupId, j.MemberId } equals new { m.GroupId, m.MemberId } into stays
                           from m in stays.DefaultIfEmpty()
                           where j.PoolId == poolId
                           select new { j.PoolGroupId, j.JoinedAt, LeftAt = m == null ? null : m.LeftAt, j.Source }).ToListAsync(cancellationToken);
        var groups = await (from pg in db.Set<LiveCodePoolGroup>().AsNoTracking()
                            join g in db.Groups.AsNoTracking() on pg.GroupId equals g.Id
                            where pg.PoolId == poolId
                            orderby pg.Position
                            select new { pg.Id, g.Name, GroupId = g.Id }).ToListAsync(cancellationToken);

        FunnelNumbers Numbers(Guid? poolGroupId)
        {
            var s = scanRows.Where(r => poolGroupId is null || r.PoolGroupId == poolGroupId).ToList();
            var stays = joins.Where(j => poolGroupId is null || j.PoolGroupId == poolGroupId).Select(j => StayRule.Stayed(j.JoinedAt, j.LeftAt, now)).ToList();
            return new FunnelNumbers(s.Count, s.Select(r => r.VisitorId).Distinct().Count(), stays.Count, stays.Count(x => x == true), stays.Count(x => x is null));
        }

        var sources = scanRows.GroupBy(s => s.Source ?? "").Select(g => new SourceStats(g.Key, g.Count(), joins.Count(j => (j.Source ?? "") == g.Key)))
            .OrderByDescending(s => s.Scans).ThenBy(s => s.Source, StringComparer.Ordinal).ToList();
        return new PoolStatsResponse(poolId, Numbers(null), [.. groups.Select(g => new GroupStats(g.GroupId, g.Name, Numbers(g.Id)))], sources);
    }
}

/// <summary>
/// Scans by referral code: the <c>r</c> parameter a referral campaign puts on the pool's URL for each participant.
/// Referrals reads its participants' scans through this.
/// </summary>
public static class LiveCodeScans
{
    public sealed record ReferralScans(string Referral, int Scans, int UniqueScanners, DateTime FirstAt, DateTime LastAt);

    public static async Task<List<ReferralScans>> ByReferralAsync(
        QunyunDb db, LiveCodeScanWriter writer, Guid? poolId, IReadOnlyCollection<string> referrals, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        var rows = await db.Set<LiveCodeScan>().AsNoTracking()
            .Where(s => s.Referral != null && referrals.Contains(s.Referral) && (poolId == null || s.PoolId == poolId))
            .Select(s => new { Referral = s.Referral!, s.VisitorId, s.At }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Referral).Select(g => new ReferralScans(g.Key, g.Count(), g.Select(r => r.VisitorId).Distinct().Count(), g.Min(r => r.At), g.Max(r => r.At)))
            .OrderBy(r => r.Referral, StringComparer.Ordinal)];
    }
}
