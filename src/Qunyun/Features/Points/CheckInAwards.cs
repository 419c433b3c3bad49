using Qunyun.Data;
using Qunyun.Engine.Points;

namespace Qunyun.Features.Points;

/// <summary>A member's check-in at a moment, and the event behind it.</summary>
public readonly record struct CheckInClaim(Guid MemberId, DateTime OccurredAtUtc, long? EventId);

/// <summary>What a check-in did: the streak it makes, what it earned (nothing when the member already checked in that day), the balance after.</summary>
public sealed record CheckInResult(bool AlreadyToday, int Streak, CheckInAward Award, long Balance);

/// <summary>
/// Awards check-ins: at most one per member and local day (workspace time zone), keyed
/// <c>checkin:{member}:{yyyy-MM-dd}</c>, with the streak bonus under <c>streak:{member}:{yyyy-MM-dd}</c>. Both the
/// bot's check-in command and the pipeline's check_in events come here, so whichever runs first awards and the other
/// finds the day taken. The caller saves (the pipeline batch commits it with the event).
/// </summary>
public sealed class CheckInAwards(TimeProvider clock)
{
    public async Task<CheckInResult> CheckInAsync(QunyunDb db, Guid memberId, DateTime occurredAtUtc, long? eventId, CancellationToken cancellationToken)
    {
        var decision = (await AwardAsync(db, [new CheckInClaim(memberId, occurredAtUtc, eventId)], cancellationToken))[0];
        return new CheckInResult(decision.AlreadyToday, decision.Streak, decision.Award, await PointsLedger.BalanceAsync(db, memberId, cancellationToken));
    }

    /// <summary>
    /// Decides the claims in order (a batch's check-ins, set-based: the settings, the zone and the members' check-in
    /// days are read once) and adds the entries they earn. With points disabled nothing is added and the streak reported is the current one.
    /// </summary>
    public async Task<List<CheckInDecision>> AwardAsync(QunyunDb db, IReadOnlyList<CheckInClaim> claims, CancellationToken cancellationToken)
    {
        var settings = await PointsSettings.LoadAsync(db, cancellationToken);
        var zone = await PointsLedger.ZoneAsync(db, cancellationToken);
        var days = await PointsLedger.CheckInDaysAsync(db, claims.Select(c => c.MemberId).Distinct().ToList(), cancellationToken);
        var decisions = new List<CheckInDecision>(claims.Count);
        foreach (var claim in claims)
        {
            var memberDays = days.TryGetValue(claim.MemberId, out var known) ? known : days[claim.MemberId] = [];
            var day = PointsLedger.LocalDay(claim.OccurredAtUtc, zone);
            var decision = CheckInDecision.For(memberDays, day, settings.Rules);
            if (!decision.AlreadyToday && !settings.Enabled)
            {
                decision = decision with { Streak = CheckInStreak.Current(memberDays, day), Award = default };
            }
            else if (!decision.AlreadyToday)
            {
                Add(db, claim, PointsReason.CheckIn, decision.Award.Base, $"checkin:{claim.MemberId}:{day:yyyy-MM-dd}", day);
                if (decision.Award.Bonus > 0)
                {
                    Add(db, claim, PointsReason.StreakBonus, decision.Award.Bonus, $"streak:{claim.MemberId}:{day:yyyy-MM-dd}", day);
                }

                memberDays.Add(day);
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    private void Add(QunyunDb db, CheckInClaim claim, PointsReason reason, int delta, string key, DateOnly day) =>
        db.PointsEntries.Add(new PointsEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            WorkspaceId = db.WorkspaceId,
            MemberId = claim.MemberId,
            Delta = delta,
            Reason = reason,
            SourceKey = key,
            Day = day,
            EventId = claim.EventId,
            At = clock.GetUtcNow().UtcDateTime,
        });
}
