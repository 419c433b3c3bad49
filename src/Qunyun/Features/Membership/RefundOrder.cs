using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.PaidMemberships;

/// <summary>
/// Refunds a paid order, which ends its membership at once and takes the member out of the plan's groups; or cancels
/// a pending one. Each is claimed by a conditional update, so a double click refunds once.
/// </summary>
public sealed class RefundOrder(MembershipRemovals removals, TimeProvider clock)
{
    public async Task<OrderChange> RefundAsync(QunyunDb db, Guid orderId, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.PlanOrders.Where(o => o.Id == orderId && o.Status == PlanOrderStatus.Paid)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, PlanOrderStatus.Refunded).SetProperty(o => o.RefundedAt, nowUtc)
                .SetProperty(o => o.RefundedBy, actor), cancellationToken);
        var order = await db.PlanOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new OrderChange.NotFound();
        }

        if (claimed == 0)
        {
            return order.Status == PlanOrderStatus.Refunded
                ? new OrderChange.Done((await PlanQueries.OrderAsync(db, orderId, cancellationToken))!, false)
                : new OrderChange.Conflict($"The order is {order.Status.ToString().ToLowerInvariant()}; only a paid order can be refunded.");
        }

        var ended = await db.PaidMemberships.Where(m => m.Id == order.MembershipId && m.RefundedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RefundedAt, nowUtc).SetProperty(m => m.RemovedAt, m => m.RemovedAt ?? nowUtc), cancellationToken);
        if (ended > 0 && await db.PaidMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == order.MembershipId, cancellationToken) is { } membership)
        {
            await removals.RemoveAsync(db, membership, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrderChange.Done((await PlanQueries.OrderAsync(db, orderId, cancellationToken))!, true);
    }

    public async Task<OrderChange> CancelAsync(QunyunDb db, Guid orderId, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.PlanOrders.Where(o => o.Id == orderId && o.Status == PlanOrderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, PlanOrderStatus.Cancelled).SetProperty(o => o.CancelledAt, nowUtc), cancellationToken);
        var order = await PlanQueries.OrderAsync(db, orderId, cancellationToken);
        return order is null ? new OrderChange.NotFound()
            : claimed > 0 || order.Status == PlanOrderStatus.Cancelled ? new OrderChange.Done(order, claimed > 0)
            : new OrderChange.Conflict($"The order is {order.Status.ToString().ToLowerInvariant()}; only a pending order can be cancelled.");
    }
}
