using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.PaidMemberships;

/// <summary>An order for a member, at the plan's price in force now (the early-bird step, or the regular price).</summary>
public sealed class CreateOrder(TimeProvider clock)
{
    public async Task<OrderChange> ExecuteAsync(QunyunDb db, OrderRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var plan = await db.MembershipPlans.AsNoTracking().Include(p => p.EarlyBird).FirstOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken);
        errors.AddIf(plan is null, "planId", "No such plan in this workspace.");
        errors.AddIf(plan is { Archived: true }, "planId", "The plan is archived: it takes no new orders.");
        errors.AddIf(!await db.Members.AnyAsync(m => m.Id == request.MemberId, cancellationToken), "memberId", "No such member in this workspace.");
        errors.AddIf(request.PaymentReference?.Trim().Length > PlanOrder.ReferenceMaxLength, "paymentReference", $"At most {PlanOrder.ReferenceMaxLength} characters.");
        if (errors.Any)
        {
            return new OrderChange.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var quote = plan!.Schedule.Quote(await PlanQueries.PaidMembersAsync(db, plan.Id, cancellationToken), now.UtcDateTime);
        var order = new PlanOrder
        {
            Id = Guid.CreateVersion7(now),
            PlanId = plan.Id,
            MemberId = request.MemberId,
            Price = quote.Price,
            Currency = plan.Currency,
            EarlyBirdStep = quote.EarlyBirdIndex,
            Status = PlanOrderStatus.Pending,
            CreatedAt = now.UtcDateTime,
            CreatedBy = actor,
            PaymentReference = string.IsNullOrWhiteSpace(request.PaymentReference) ? null : request.PaymentReference.Trim(),
        };
        db.PlanOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return new OrderChange.Done((await PlanQueries.OrderAsync(db, order.Id, cancellationToken))!, true);
    }
}
