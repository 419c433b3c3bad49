using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Points;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Points;

/// <summary>Reads of the ledger. Entries added but not yet saved in the same unit of work (a pipeline batch) count too.</summary>
public static class PointsLedger
{
    public static async Task<long> BalanceAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken) =>
        await db.PointsEntries.Where(e => e.MemberId == memberId).SumAsync(e => (long)e.Delta, cancellationToken)
        + PointsBalance.Of(Unsaved(db).Where(e => e.MemberId == memberId).Select(e => e.Delta));

    /// <summary>Each member's balance (members without entries at 0), in one read.</summary>
    public static async Task<Dictionary<Guid, long>> BalancesAsync(QunyunDb db, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var saved = await db.PointsEntries.Where(e => memberIds.Contains(e.MemberId)).GroupBy(e => e.MemberId)
            .Select(g => new { MemberId = g.Key, Sum = g.Sum(e => (long)e.Delta) }).ToDictionaryAsync(g => g.MemberId, g => g.Sum, cancellationToken);
        var unsaved = Unsaved(db).Where(e => memberIds.Contains(e.MemberId)).ToLookup(e => e.MemberId, e => e.Delta);
        return memberIds.ToDictionary(id => id, id => saved.GetValueOrDefault(id) + PointsBalance.Of(unsaved[id]));
    }

    /// <summary>The local days the member checked in on.</summary>
    public static async Task<HashSet<DateOnly>> CheckInDaysAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken) =>
        (await CheckInDaysAsync(db, [memberId], cancellationToken)).GetValueOrDefault(memberId) ?? [];

    /// <summary>The local days each of the members checked in on (members without check-ins are left out).</summary>
    public static async Task<Dictionary<Guid, HashSet<DateOnly>>> CheckInDaysAsync(QunyunDb db, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var rows = await db.PointsEntries.Where(e => memberIds.Contains(e.MemberId) && e.Reason == PointsReason.CheckIn && e.Day != null)
            .Select(e => new { e.MemberId, Day = e.Day!.Value }).ToListAsync(cancellationToken);
        var unsaved = Unsaved(db).Where(e => memberIds.Contains(e.MemberId) && e.Reason == PointsReason.CheckIn && e.Day != null)
            .Select(e => new { e.MemberId, Day = e.Day!.Value });
        return rows.Concat(unsaved).GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.Select(r => r.Day).ToHashSet());
    }

    public static async Task<TimeZoneInfo> ZoneAsync(QunyunDb db, CancellationToken cancellationToken) =>
        WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));

    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>The member's balance and current check-in streak on the local day of <paramref name="nowUtc"/>.</summary>
    public static async Task<(long Balance, int Streak, bool CheckedInToday)> StandingAsync(
        QunyunDb db, Guid memberId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = LocalDay(nowUtc, await ZoneAsync(db, cancellationToken));
        var days = await CheckInDaysAsync(db, memberId, cancellationToken);
        return (await BalanceAsync(db, memberId, cancellationToken), CheckInStreak.Current(days, today), days.Contains(today));
    }

    private static IEnumerable<PointsEntry> Unsaved(QunyunDb db) =>
        db.ChangeTracker.Entries<PointsEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
}
