namespace Qunyun.Engine.Membership;

/// <summary>One paid term of a membership (an order): from its start to its end; refunded terms are left out by the caller.</summary>
public readonly record struct PaidTerm(Guid MembershipId, DateTime Start, DateTime End);

/// <summary>Renewed terms over decided terms; <see cref="Rate"/> is null while none has come up for renewal.</summary>
public readonly record struct RenewalFigures(int Renewed, int CameUp)
{
    public double? Rate => CameUp == 0 ? null : (double)Renewed / CameUp;
}

/// <summary>
/// Renewal rate = renewed ÷ came up for renewal. A term came up for renewal when it was followed by another paid term
/// of the same membership (renewed, even early), or when its grace period ended without one (lapsed). Terms still
/// running, or in their grace period without a renewal yet, are not decided and count in neither.
/// </summary>
public static class RenewalRate
{
    public static RenewalFigures Of(IEnumerable<PaidTerm> terms, int graceDays, DateTime nowUtc)
    {
        var renewed = 0;
        var cameUp = 0;
        foreach (var membership in terms.GroupBy(t => t.MembershipId))
        {
            var ordered = membership.OrderBy(t => t.Start).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (i + 1 < ordered.Count)
                {
                    renewed++;
                    cameUp++;
                }
                else if (nowUtc >= MembershipTimeline.GraceEnd(ordered[i].End, graceDays))
                {
                    cameUp++;
                }
            }
        }

        return new RenewalFigures(renewed, cameUp);
    }
}
