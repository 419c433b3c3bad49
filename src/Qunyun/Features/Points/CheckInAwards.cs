using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Points;

namespace Qunyun.Features.Points;

/// <summary>What a check-in did: the streak it makes, what it earned (nothing when the member already checked in that day), the balance after.</summary>
public sealed record CheckInResult(bool AlreadyToday, int Streak, CheckInAward Award, long Balance);

/// <summary>
/// Awards a check-in: at most one per member and local day (workspace time zone), keyed
/// <c>checkin:{member}:{yyyy-MM-dd}</c>, with the streak bonus under <c>streak:{member}:{yyyy-MM-dd}</c>. Both the
/// bot's check-in command and the pipeline's check_in events come here, so whichever runs first awards and the other
/// finds the day taken. The caller saves (the pipeline batch commits it with the event).
/// </summary>
public sealed class CheckInAwards(TimeProvider clock)
{
    public async Task<CheckInResult> CheckInAsync(QunyunDb db, Guid memberId, DateTime occurredAtUtc, long? eventId, CancellationToken cancellationToken)
    {
        var settings = await PointsSettings.LoadAsync(db, cancellationToken);
        var day = PointsLedger.LocalDay(occurredAtUtc, await PointsLedger.ZoneAsync(db, cancellationToken));
        var days = await PointsLedger.CheckInDaysAsync(db, memberId, cancellationToken);
        var decision = CheckInDecision.For(days, day, settings.Rules);
        var key = $"checkin:{memberId}:{day:yyyy-MM-dd}";
        if (decision.AlreadyToday || !settings.Enabled || await db.PointsEntries.AnyAsync(e => e.SourceKey == key, cancellationToken))
        {
            return new CheckInResult(decision.AlreadyToday, decision.AlreadyToday ? decision.Streak : CheckInStreak.Current(days, day), default,
                await PointsLedger.BalanceAsync(db, memberId, cancellationToken));
        }

        Add(db, memberId, PointsReason.CheckIn, decision.Award.Base, key, day, eventId);
        if (decision.Award.Bonus > 0)
        {
            Add(db, memberId, PointsReason.StreakBonus, decision.Award.Bonus, $"streak:{memberId}:{day:yyyy-MM-dd}", day, eventId);
        }

        return new CheckInResult(false, decision.Streak, decision.Award, await PointsLedger.BalanceAsync(db, memberId, cancellationToken));
    }

    private void Add(QunyunDb db, Guid memberId, PointsReason reason, int delta, string key, DateOnly day, long? eventId) =>
        db.PointsEntries.Add(new PointsEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            WorkspaceId = db.WorkspaceId,
            MemberId = memberId,
            Delta = delta,
            Reason = reason,
            SourceKey = key,
            Day = day,
            EventId = eventId,
            At = clock.GetUtcNow().UtcDateTime,
        });
}
