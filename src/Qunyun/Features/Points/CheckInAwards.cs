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
    /// <summary>
    /// A book for the members' check-ins in this unit of work: settings, zone and check-in days read once (and the
    /// balances, when the caller tells them).
    /// </summary>
    public Task<CheckInBook> OpenAsync(QunyunDb db, IReadOnlyCollection<Guid> memberIds, bool withBalances, CancellationToken cancellationToken) =>
        CheckInBook.LoadAsync(db, clock, memberIds, withBalances, cancellationToken);

    /// <summary>Decides the claims in order (a batch's check-ins, set-based) and adds the entries they earn.</summary>
    public async Task<List<CheckInDecision>> AwardAsync(QunyunDb db, IReadOnlyList<CheckInClaim> claims, CancellationToken cancellationToken)
    {
        var book = await OpenAsync(db, claims.Select(c => c.MemberId).Distinct().ToList(), withBalances: false, cancellationToken);
        return claims.Select(book.Decide).ToList();
    }
}
