using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Points;

namespace Qunyun.Features.Points;

/// <summary>
/// Check-ins decided in memory for one unit of work (a pipeline batch): the settings, the zone, and the check-in days
/// and balances of the members who may check in are read once (<see cref="CheckInAwards.OpenAsync"/>); each check-in
/// adds its entries and moves that member's days and balance on. The caller saves.
/// </summary>
public sealed class CheckInBook
{
    private readonly QunyunDb _db;
    private readonly TimeProvider _clock;
    private readonly PointsSettings _settings;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<Guid, HashSet<DateOnly>> _days;
    private readonly Dictionary<Guid, long> _balances;

    private CheckInBook(QunyunDb db, TimeProvider clock, PointsSettings settings, TimeZoneInfo zone,
        Dictionary<Guid, HashSet<DateOnly>> days, Dictionary<Guid, long> balances)
    {
        (_db, _clock, _settings, _zone, _days, _balances) = (db, clock, settings, zone, days, balances);
    }

    internal static async Task<CheckInBook> LoadAsync(QunyunDb db, TimeProvider clock, IReadOnlyCollection<Guid> memberIds, bool withBalances,
        CancellationToken cancellationToken)
    {
        var settings = await PointsSettings.LoadAsync(db, cancellationToken);
        var zone = await PointsLedger.ZoneAsync(db, cancellationToken);
        var days = await PointsLedger.CheckInDaysAsync(db, memberIds, cancellationToken);
        var balances = withBalances ? await PointsLedger.BalancesAsync(db, memberIds, cancellationToken) : [];
        return new CheckInBook(db, clock, settings, zone, days, balances);
    }

    /// <summary>Decides the claim and adds the entries it earns. With points disabled nothing is added and the streak reported is the current one.</summary>
    public CheckInDecision Decide(CheckInClaim claim)
    {
        var memberDays = DaysOf(claim.MemberId);
        var day = PointsLedger.LocalDay(claim.OccurredAtUtc, _zone);
        var decision = CheckInDecision.For(memberDays, day, _settings.Rules);
        if (decision.AlreadyToday)
        {
            return decision;
        }

        if (!_settings.Enabled)
        {
            return decision with { Streak = CheckInStreak.Current(memberDays, day), Award = default };
        }

        Add(claim, PointsReason.CheckIn, decision.Award.Base, $"checkin:{claim.MemberId}:{day:yyyy-MM-dd}", day);
        if (decision.Award.Bonus > 0)
        {
            Add(claim, PointsReason.StreakBonus, decision.Award.Bonus, $"streak:{claim.MemberId}:{day:yyyy-MM-dd}", day);
        }

        memberDays.Add(day);
        return decision;
    }

    /// <summary>Decides the claim and tells the balance after it (the book must have been opened with balances).</summary>
    public CheckInResult CheckIn(CheckInClaim claim)
    {
        var decision = Decide(claim);
        return new CheckInResult(decision.AlreadyToday, decision.Streak, decision.Award, Balance(claim.MemberId));
    }

    /// <summary>The member's balance and current check-in streak on the local day of <paramref name="nowUtc"/>.</summary>
    public (long Balance, int Streak, bool CheckedInToday) Standing(Guid memberId, DateTime nowUtc)
    {
        var today = PointsLedger.LocalDay(nowUtc, _zone);
        var days = DaysOf(memberId);
        return (Balance(memberId), CheckInStreak.Current(days, today), days.Contains(today));
    }

    private long Balance(Guid memberId) =>
        _balances.TryGetValue(memberId, out var balance) ? balance : throw new InvalidOperationException("The book was opened without this member's balance.");

    private HashSet<DateOnly> DaysOf(Guid memberId) => _days.TryGetValue(memberId, out var known) ? known : _days[memberId] = [];

    private void Add(CheckInClaim claim, PointsReason reason, int delta, string key, DateOnly day)
    {
        _db.PointsEntries.Add(new PointsEntry
        {
            Id = Guid.CreateVersion7(_clock.GetUtcNow()),
            WorkspaceId = _db.WorkspaceId,
            MemberId = claim.MemberId,
            Delta = delta,
            Reason = reason,
            SourceKey = key,
            Day = day,
            EventId = claim.EventId,
            At = _clock.GetUtcNow().UtcDateTime,
        });
        if (_balances.TryGetValue(claim.MemberId, out var balance))
        {
            _balances[claim.MemberId] = balance + delta;
        }
    }
}
