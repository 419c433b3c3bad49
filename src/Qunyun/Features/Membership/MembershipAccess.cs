using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

/// <summary>A plan that covers a group, with the price an order created now would cost (for a decline message).</summary>
public sealed record PlanOffer(Guid PlanId, string Name, decimal Price, string Currency, bool IsEarlyBird, PlanTerm Term);

/// <summary>
/// Who may be in a paid group: members holding an active or in-grace membership of a plan that includes the group.
/// Entry screening's "paid" mode asks this (through its own interface, adapted at the composition root).
/// </summary>
public sealed class MembershipAccess(TimeProvider clock)
{
    public async Task<IReadOnlySet<Guid>> MembersWithAccessAsync(QunyunDb db, Guid groupId, IReadOnlyCollection<Guid> memberIds, CancellationToken ct)
    {
        if (memberIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = memberIds.Distinct().ToList();
        var holding = await HoldingAsync(db.PaidMemberships.Where(m => ids.Contains(m.MemberId) && m.Plan!.Groups.Any(g => g.GroupId == groupId)),
            clock.GetUtcNow().UtcDateTime, ct);
        return holding.Select(h => h.MemberId).ToHashSet();
    }

    /// <summary>The plans covering the group that take orders, cheapest now first; empty when the group is not paid.</summary>
    public async Task<IReadOnlyList<PlanOffer>> OffersForGroupAsync(QunyunDb db, Guid groupId, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var plans = await db.MembershipPlans.AsNoTracking().Include(p => p.EarlyBird)
            .Where(p => !p.Archived && p.Groups.Any(g => g.GroupId == groupId)).ToListAsync(ct);
        var offers = new List<PlanOffer>(plans.Count);
        foreach (var plan in plans)
        {
            var quote = plan.Schedule.Quote(await PlanQueries.PaidMembersAsync(db, plan.Id, ct), nowUtc);
            offers.Add(new PlanOffer(plan.Id, plan.Name, quote.Price, plan.Currency, quote.IsEarlyBird, plan.Term));
        }

        return [.. offers.OrderBy(o => o.Price).ThenBy(o => o.Name)];
    }

    /// <summary>Which of <paramref name="groupIds"/> a member's memberships other than <paramref name="except"/> still cover.</summary>
    internal static async Task<HashSet<Guid>> GroupsCoveredAsync(
        QunyunDb db, Guid memberId, IReadOnlyCollection<Guid> groupIds, Guid except, DateTime nowUtc, CancellationToken ct)
    {
        var plans = (await HoldingAsync(db.PaidMemberships.Where(m => m.MemberId == memberId && m.Id != except), nowUtc, ct)).Select(h => h.PlanId).ToList();
        var covered = await db.MembershipPlanGroups.Where(g => plans.Contains(g.PlanId) && groupIds.Contains(g.GroupId)).Select(g => g.GroupId).ToListAsync(ct);
        return covered.ToHashSet();
    }

    /// <summary>
    /// Of <paramref name="candidates"/>, the memberships giving access now: not refunded, not removed, and before the
    /// end of their plan's grace period (narrowed in SQL by the longest grace there can be, then exactly here).
    /// </summary>
    private static async Task<List<(Guid MemberId, Guid PlanId)>> HoldingAsync(IQueryable<PaidMembership> candidates, DateTime nowUtc, CancellationToken ct)
    {
        var earliest = nowUtc.AddDays(-MembershipTimeline.MaxGraceDays);
        var rows = await candidates.AsNoTracking().Where(m => m.RefundedAt == null && m.RemovedAt == null && m.EndsAt > earliest)
            .Select(m => new { m.MemberId, m.PlanId, m.EndsAt, m.Plan!.GraceDays }).ToListAsync(ct);
        return [.. rows.Where(r => MembershipTimeline.GivesAccess(MembershipTimeline.StatusAt(r.EndsAt, r.GraceDays, null, nowUtc))).Select(r => (r.MemberId, r.PlanId))];
    }
}
