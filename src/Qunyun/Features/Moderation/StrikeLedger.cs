using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Moderation;

/// <summary>
/// The strikes of a batch's offenders, read in one query before the batch decides; the strikes the batch adds count
/// for the same member's later messages in it, as stored ones would.
/// </summary>
internal sealed class StrikeLedger
{
    private readonly Dictionary<Guid, List<(DateTime At, DateTime ExpiresAt)>> _byMember = [];

    public static StrikeLedger Empty => new();

    /// <summary>Unrevoked strikes of <paramref name="memberIds"/> that may count at a time in [from, to].</summary>
    public static async Task<StrikeLedger> LoadAsync(QunyunDb db, List<Guid> memberIds, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var ledger = new StrikeLedger();
        var stored = await db.ModerationStrikes.AsNoTracking()
            .Where(s => memberIds.Contains(s.MemberId) && s.RevokedAt == null && s.At <= to && s.ExpiresAt > from)
            .Select(s => new { s.MemberId, s.At, s.ExpiresAt }).ToListAsync(cancellationToken);
        foreach (var strike in stored)
        {
            ledger.Add(strike.MemberId, strike.At, strike.ExpiresAt);
        }

        // Strikes added to the context and not saved yet count too.
        var members = memberIds.ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<ModerationStrike>())
        {
            if (entry is { State: EntityState.Added, Entity: { RevokedAt: null } added } && members.Contains(added.MemberId))
            {
                ledger.Add(added.MemberId, added.At, added.ExpiresAt);
            }
        }

        return ledger;
    }

    /// <summary>Strikes of the member that count at <paramref name="at"/>.</summary>
    public int ActiveAt(Guid memberId, DateTime at) =>
        _byMember.TryGetValue(memberId, out var strikes) ? strikes.Count(s => s.At <= at && s.ExpiresAt > at) : 0;

    public void Add(Guid memberId, DateTime at, DateTime expiresAt)
    {
        if (!_byMember.TryGetValue(memberId, out var strikes))
        {
            _byMember[memberId] = strikes = [];
        }

        strikes.Add((at, expiresAt));
    }
}
