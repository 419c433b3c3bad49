using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Membership;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.PaidMemberships;

/// <summary>A plan's figures: revenue per month (paid orders not refunded, by payment month in the workspace's zone), members by status, renewal rate.</summary>
public static class PlanNumbers
{
    public const int Months = 12;

    public const string RenewalRateDefinition =
        "Renewed ÷ came up for renewal. A paid term came up for renewal when the member paid again for the same membership "
        + "(renewed, even early) or when its grace period ended without a renewal. Terms still running or in their grace period are not counted yet; refunded terms are left out.";

    public static async Task<PlanNumbersResponse?> OfAsync(QunyunDb db, Guid planId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var plan = await db.MembershipPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var zoneName = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstAsync(cancellationToken);
        var zone = WorkspaceTime.Zone(zoneName);
        var paid = await db.PlanOrders.AsNoTracking().Where(o => o.PlanId == planId && o.Status == PlanOrderStatus.Paid)
            .Select(o => new { o.Price, o.PaidAt, o.MembershipId, o.TermStart, o.TermEnd }).ToListAsync(cancellationToken);
        var thisMonth = Month(nowUtc, zone);
        var byMonth = paid.GroupBy(o => Month(o.PaidAt!.Value, zone)).ToDictionary(g => g.Key, g => (Revenue: g.Sum(o => o.Price), Orders: g.Count()));
        var months = Enumerable.Range(0, Months).Select(i => thisMonth.AddMonths(i - Months + 1))
            .Select(m => new RevenueMonth(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), byMonth.GetValueOrDefault(m).Revenue, byMonth.GetValueOrDefault(m).Orders))
            .ToList();

        var memberships = await db.PaidMemberships.AsNoTracking().Where(m => m.PlanId == planId).ToListAsync(cancellationToken);
        var statuses = memberships.Select(m => m.StatusAt(plan.GraceDays, nowUtc)).ToList();
        var renewal = RenewalRate.Of(paid.Where(o => o.MembershipId is not null && o.TermStart is not null)
            .Select(o => new PaidTerm(o.MembershipId!.Value, o.TermStart!.Value, o.TermEnd!.Value)), plan.GraceDays, nowUtc);
        return new PlanNumbersResponse(planId, plan.Currency, paid.Sum(o => o.Price), months,
            statuses.Count(s => s == PaidMembershipStatus.Active), statuses.Count(s => s == PaidMembershipStatus.InGrace),
            statuses.Count(s => s == PaidMembershipStatus.Expired), statuses.Count(s => s == PaidMembershipStatus.Refunded),
            renewal.Renewed, renewal.CameUp, renewal.Rate, RenewalRateDefinition);
    }

    private static DateOnly Month(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
