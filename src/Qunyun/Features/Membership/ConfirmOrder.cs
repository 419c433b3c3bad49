using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

/// <summary>
/// Confirms an order's payment (staff in the console, or the signed payment webhook): the order is claimed Pending →
/// Paid by a conditional update, so a second confirmation, however it arrives, finds it paid and changes nothing —
/// one payment, one membership. The payment starts a membership, or extends the member's current one from its end.
/// </summary>
public sealed class ConfirmOrder(TimeProvider clock)
{
    public async Task<OrderChange> ExecuteAsync(QunyunDb db, Guid orderId, string? reference, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (reference?.Length > PlanOrder.ReferenceMaxLength)
        {
            return new OrderChange.Invalid(new Api.FieldErrors().Add("paymentReference", $"At most {PlanOrder.ReferenceMaxLength} characters."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.PlanOrders.Where(o => o.Id == orderId && o.Status == PlanOrderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, PlanOrderStatus.Paid).SetProperty(o => o.PaidAt, nowUtc)
                .SetProperty(o => o.ConfirmedBy, actor).SetProperty(o => o.PaymentReference, o => reference ?? o.PaymentReference), cancellationToken);
        var order = await db.PlanOrders.Include(o => o.Plan).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new OrderChange.NotFound();
        }

        if (claimed == 0)
        {
            return order.Status == PlanOrderStatus.Paid
                ? new OrderChange.Done((await PlanQueries.OrderAsync(db, orderId, cancellationToken))!, false)
                : new OrderChange.Conflict($"The order is {order.Status.ToString().ToLowerInvariant()}; only a pending order can be confirmed.");
        }

        var plan = order.Plan!;
        var current = await db.PaidMemberships
            .Where(m => m.PlanId == plan.Id && m.MemberId == order.MemberId && m.RefundedAt == null && m.RemovedAt == null)
            .OrderByDescending(m => m.EndsAt).FirstOrDefaultAsync(cancellationToken);
        var renews = current is not null && nowUtc < MembershipTimeline.GraceEnd(current.EndsAt, plan.GraceDays);
        var (start, end) = MembershipTimeline.NextTerm(renews ? current!.EndsAt : null, plan.GraceDays, plan.Term, nowUtc);
        if (renews)
        {
            current!.EndsAt = end;
            current.LastReminderDays = null;
        }
        else
        {
            current = new PaidMembership { Id = Guid.CreateVersion7(now), PlanId = plan.Id, MemberId = order.MemberId, StartsAt = start, EndsAt = end, CreatedAt = nowUtc };
            db.PaidMemberships.Add(current);
        }

        (order.MembershipId, order.TermStart, order.TermEnd, order.IsRenewal) = (current.Id, start, end, renews);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrderChange.Done((await PlanQueries.OrderAsync(db, orderId, cancellationToken))!, true);
    }
}
