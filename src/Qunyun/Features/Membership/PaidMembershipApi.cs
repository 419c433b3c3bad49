using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.PaidMemberships;

/// <summary>Plans, orders and memberships of paid communities; the signed payment webhook is <see cref="PaymentWebhookApi"/>.</summary>
public static class PaidMembershipApi
{
    public const int MaxMemberships = 500;

    public static RouteGroupBuilder MapPaidMemberships(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/membership-plans").WithTags("Paid membership");
        plans.MapGet("", ListPlans);
        plans.MapPost("", CreatePlan).RequireAuthorization(Policies.Operate);
        plans.MapGet("/{id:guid}", GetPlan);
        plans.MapPut("/{id:guid}", UpdatePlan).RequireAuthorization(Policies.Operate);
        plans.MapGet("/{id:guid}/numbers", Numbers);
        plans.MapGet("/{id:guid}/memberships", PlanMemberships);

        var orders = api.MapGroup("/plan-orders").WithTags("Paid membership");
        orders.MapGet("", ListOrders);
        orders.MapPost("", CreateOrderAsync).RequireAuthorization(Policies.Operate);
        orders.MapGet("/{id:guid}", GetOrder);
        orders.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(Policies.Operate);
        orders.MapPost("/{id:guid}/refund", Refund).RequireAuthorization(Policies.Operate);
        orders.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.Operate);

        api.MapGet("/members/{id:guid}/paid-memberships", MemberMemberships).WithTags("Paid membership");
        var staff = api.MapGroup("/paid-membership").WithTags("Paid membership");
        staff.MapGet("/removal-tasks", RemovalTasks);
        staff.MapPost("/removal-tasks/{id:guid}/done", RemovalDone).RequireAuthorization(Policies.Write);
        staff.MapPost("/webhook-secret", RotateSecret).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Ok<List<PlanResponse>>> ListPlans(QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PlanQueries.PlansAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken));

    private static async Task<Results<Ok<PlanResponse>, NotFound>> GetPlan(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await PlanQueries.PlanAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();

    private static async Task<Results<Created<PlanResponse>, ValidationProblem>> CreatePlan(
        PlanRequest request, QunyunDb db, SavePlan save, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (plan, errors) = await save.ExecuteAsync(db, null, request, cancellationToken);
        return plan is null ? errors.ToProblem()
            : TypedResults.Created($"/api/v1/membership-plans/{plan.Id}", await PlanQueries.PlanAsync(db, plan.Id, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }

    private static async Task<Results<Ok<PlanResponse>, NotFound, ValidationProblem>> UpdatePlan(
        Guid id, PlanRequest request, QunyunDb db, SavePlan save, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (plan, errors) = await save.ExecuteAsync(db, id, request, cancellationToken);
        return plan is not null ? TypedResults.Ok((await PlanQueries.PlanAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken))!)
            : errors.Any ? errors.ToProblem() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<PlanNumbersResponse>, NotFound>> Numbers(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await PlanNumbers.OfAsync(db, id, clock.GetUtcNow().UtcDateTime, cancellationToken) is { } numbers ? TypedResults.Ok(numbers) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<MembershipResponse>>, NotFound>> PlanMemberships(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.MembershipPlans.AnyAsync(p => p.Id == id, cancellationToken)
            ? TypedResults.Ok(await PlanQueries.MembershipsAsync(db, id, null, clock.GetUtcNow().UtcDateTime, MaxMemberships, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<MembershipResponse>>, NotFound>> MemberMemberships(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.Members.AnyAsync(m => m.Id == id, cancellationToken)
            ? TypedResults.Ok(await PlanQueries.MembershipsAsync(db, null, id, clock.GetUtcNow().UtcDateTime, MaxMemberships, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Page<OrderResponse>> ListOrders(
        QunyunDb db, [AsParameters] PageQuery paging, Guid? planId, PlanOrderStatus? status, CancellationToken cancellationToken = default)
    {
        var query = db.PlanOrders.AsQueryable();
        query = planId is { } p ? query.Where(o => o.PlanId == p) : query;
        query = status is { } s ? query.Where(o => o.Status == s) : query;
        return await paging.ApplyAsync(PlanQueries.Orders(query), cancellationToken);
    }

    private static async Task<Results<Ok<OrderResponse>, NotFound>> GetOrder(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await PlanQueries.OrderAsync(db, id, cancellationToken) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateOrderAsync(
        OrderRequest request, QunyunDb db, CreateOrder create, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await create.ExecuteAsync(db, request, Actors.AuditNameOf(user), cancellationToken), created: true);

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Confirm(
        Guid id, ConfirmOrderRequest? request, QunyunDb db, ConfirmOrder confirm, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await confirm.ExecuteAsync(db, id, request?.PaymentReference, Actors.AuditNameOf(user), cancellationToken));

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Refund(
        Guid id, QunyunDb db, RefundOrder refund, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await refund.RefundAsync(db, id, Actors.AuditNameOf(user), cancellationToken));

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, QunyunDb db, RefundOrder refund, CancellationToken cancellationToken) =>
        Answer(await refund.CancelAsync(db, id, cancellationToken));

    internal static Results<Created<OrderResponse>, Ok<OrderResponse>, NotFound, ValidationProblem, ProblemHttpResult> Answer(OrderChange change, bool created = false) => change switch
    {
        OrderChange.Done done when created => TypedResults.Created($"/api/v1/plan-orders/{done.Order.Id}", done.Order),
        OrderChange.Done done => TypedResults.Ok(done.Order),
        OrderChange.Invalid invalid => invalid.Errors.ToProblem(),
        OrderChange.Conflict conflict => Conflicts.Of(conflict.Detail),
        _ => TypedResults.NotFound(),
    };

    private static async Task<Ok<List<RemovalTaskResponse>>> RemovalTasks(QunyunDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PlanQueries.OpenRemovalTasksAsync(db, cancellationToken));

    private static async Task<Results<NoContent, NotFound>> RemovalDone(Guid id, QunyunDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await MarkRemovalDoneAsync(db, id, Actors.AuditNameOf(user), clock.GetUtcNow().UtcDateTime, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>False when there is no such task; marking a done task again keeps who did it first.</summary>
    public static async Task<bool> MarkRemovalDoneAsync(QunyunDb db, Guid taskId, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await db.MembershipRemovalTasks.Where(t => t.Id == taskId && t.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DoneAt, nowUtc).SetProperty(t => t.DoneBy, actor), cancellationToken);
        return await db.MembershipRemovalTasks.AnyAsync(t => t.Id == taskId, cancellationToken);
    }

    private static async Task<Ok<WebhookSecretResponse>> RotateSecret(QunyunDb db, PaymentWebhookSecrets secrets, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WebhookSecretResponse(await secrets.RotateAsync(db, cancellationToken),
            $"{request.Scheme}://{request.Host}{PaymentWebhookApi.PathOf(db.WorkspaceId)}"));
}
