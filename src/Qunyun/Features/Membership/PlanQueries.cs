using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

/// <summary>Reads of plans, orders and memberships, shaped as the API and the console show them.</summary>
public static class PlanQueries
{
    /// <summary>Members with a paid (not refunded) order of the plan: the count early-bird steps end at.</summary>
    public static Task<int> PaidMembersAsync(QunyunDb db, Guid planId, CancellationToken cancellationToken) =>
        db.PlanOrders.Where(o => o.PlanId == planId && o.Status == PlanOrderStatus.Paid).Select(o => o.MemberId).Distinct().CountAsync(cancellationToken);

    public static Task<MembershipPlan?> LoadAsync(QunyunDb db, Guid planId, CancellationToken cancellationToken) =>
        db.MembershipPlans.AsNoTracking().Include(p => p.Groups).ThenInclude(g => g.Group).Include(p => p.EarlyBird)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);

    public static async Task<PlanResponse?> PlanAsync(QunyunDb db, Guid planId, DateTime nowUtc, CancellationToken cancellationToken) =>
        await LoadAsync(db, planId, cancellationToken) is { } plan ? await ResponseAsync(db, plan, nowUtc, cancellationToken) : null;

    public static async Task<List<PlanResponse>> PlansAsync(QunyunDb db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var plans = await db.MembershipPlans.AsNoTracking().Include(p => p.Groups).ThenInclude(g => g.Group).Include(p => p.EarlyBird)
            .AsSplitQuery().OrderBy(p => p.Archived).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        var responses = new List<PlanResponse>(plans.Count);
        foreach (var plan in plans)
        {
            responses.Add(await ResponseAsync(db, plan, nowUtc, cancellationToken));
        }

        return responses;
    }

    private static async Task<PlanResponse> ResponseAsync(QunyunDb db, MembershipPlan plan, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var paid = await PaidMembersAsync(db, plan.Id, cancellationToken);
        var quote = plan.Schedule.Quote(paid, nowUtc);
        return new PlanResponse(plan.Id, plan.Name, plan.Currency, plan.RegularPrice, plan.TermCount, plan.TermUnit, plan.BenefitsZh, plan.BenefitsEn,
            [.. plan.Groups.Select(g => new PlanGroupResponse(g.GroupId, g.Group?.Name ?? "")).OrderBy(g => g.Name)],
            [.. plan.EarlyBird.OrderBy(s => s.Position).Select(s => new EarlyBirdResponse(s.Price, s.UntilMembers, s.UntilUtc))],
            plan.GraceDays, plan.Reminders, plan.Archived, paid, quote.Price, quote.EarlyBirdIndex);
    }

    /// <summary>Orders as responses, newest first; filter <paramref name="orders"/> before (a projection cannot be filtered in SQL).</summary>
    public static IQueryable<OrderResponse> Orders(IQueryable<PlanOrder> orders) => orders.AsNoTracking()
        .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
        .Select(o => new OrderResponse(o.Id, o.PlanId, o.Plan!.Name, o.MemberId, o.Member!.DisplayName, o.Price, o.Currency, o.EarlyBirdStep, o.Status,
            o.CreatedAt, o.CreatedBy, o.PaymentReference, o.PaidAt, o.ConfirmedBy, o.RefundedAt, o.RefundedBy, o.MembershipId, o.TermStart, o.TermEnd, o.IsRenewal));

    public static Task<OrderResponse?> OrderAsync(QunyunDb db, Guid orderId, CancellationToken cancellationToken) =>
        Orders(db.PlanOrders.Where(o => o.Id == orderId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Memberships, newest first, with their status now; filtered to a plan or a member when given.</summary>
    public static async Task<List<MembershipResponse>> MembershipsAsync(QunyunDb db, Guid? planId, Guid? memberId, DateTime nowUtc, int take, CancellationToken cancellationToken)
    {
        var query = db.PaidMemberships.AsNoTracking();
        query = planId is { } p ? query.Where(m => m.PlanId == p) : query;
        query = memberId is { } m ? query.Where(x => x.MemberId == m) : query;
        var rows = await query.OrderByDescending(x => x.EndsAt).Take(take)
            .Select(x => new
            {
                Membership = x,
                PlanName = x.Plan!.Name,
                x.Plan.GraceDays,
                MemberName = db.Members.Where(mm => mm.Id == x.MemberId).Select(mm => mm.DisplayName).FirstOrDefault() ?? "",
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MembershipResponse(r.Membership.Id, r.Membership.PlanId, r.PlanName, r.Membership.MemberId, r.MemberName,
            r.Membership.StartsAt, r.Membership.EndsAt, MembershipTimeline.GraceEnd(r.Membership.EndsAt, r.GraceDays),
            r.Membership.StatusAt(r.GraceDays, nowUtc), r.Membership.RefundedAt, r.Membership.RemovedAt, r.Membership.LastReminderDays))];
    }

    public static async Task<List<RemovalTaskResponse>> OpenRemovalTasksAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.MembershipRemovalTasks.AsNoTracking().Where(t => t.DoneAt == null).OrderBy(t => t.CreatedAt)
            .Select(t => new RemovalTaskResponse(t.Id, t.MembershipId, t.GroupId,
                db.Groups.Where(g => g.Id == t.GroupId).Select(g => g.Name).FirstOrDefault() ?? "", t.MemberId,
                db.Members.Where(m => m.Id == t.MemberId).Select(m => m.DisplayName).FirstOrDefault() ?? "", t.CreatedAt, t.DoneAt, t.DoneBy))
            .ToListAsync(cancellationToken);
}
