using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

public sealed record EarlyBirdRequest(decimal Price, int? UntilMembers, DateTime? UntilUtc);

public sealed record PlanRequest(
    string? Name, string? Currency, decimal RegularPrice, int TermCount, TermUnit? TermUnit, string? BenefitsZh, string? BenefitsEn,
    IReadOnlyList<Guid>? GroupIds, IReadOnlyList<EarlyBirdRequest>? EarlyBird, int? GraceDays, string? ReminderDays, bool Archived = false);

public sealed record PlanGroupResponse(Guid Id, string Name);

public sealed record EarlyBirdResponse(decimal Price, int? UntilMembers, DateTime? UntilUtc);

/// <param name="PaidMembers">Members who paid (not refunded): what early-bird steps count.</param>
/// <param name="CurrentPrice">What an order created now would cost.</param>
public sealed record PlanResponse(
    Guid Id, string Name, string Currency, decimal RegularPrice, int TermCount, TermUnit TermUnit, string? BenefitsZh, string? BenefitsEn,
    IReadOnlyList<PlanGroupResponse> Groups, IReadOnlyList<EarlyBirdResponse> EarlyBird, int GraceDays, IReadOnlyList<int> ReminderDays,
    bool Archived, int PaidMembers, decimal CurrentPrice, int? CurrentEarlyBirdStep);

public sealed record OrderRequest(Guid PlanId, Guid MemberId, string? PaymentReference);

public sealed record ConfirmOrderRequest(string? PaymentReference);

public sealed record OrderResponse(
    Guid Id, Guid PlanId, string PlanName, Guid MemberId, string MemberName, decimal Price, string Currency, int? EarlyBirdStep,
    PlanOrderStatus Status, DateTime CreatedAt, string? CreatedBy, string? PaymentReference, DateTime? PaidAt, string? ConfirmedBy,
    DateTime? RefundedAt, string? RefundedBy, Guid? MembershipId, DateTime? TermStart, DateTime? TermEnd, bool IsRenewal);

public sealed record MembershipResponse(
    Guid Id, Guid PlanId, string PlanName, Guid MemberId, string MemberName, DateTime StartsAt, DateTime EndsAt, DateTime GraceEndsAt,
    PaidMembershipStatus Status, DateTime? RefundedAt, DateTime? RemovedAt, int? LastReminderDays);

public sealed record RevenueMonth(string Month, decimal Revenue, int Orders);

/// <param name="RenewalRate">Renewed ÷ came up for renewal (see <see cref="Engine.Membership.RenewalRate"/>); null while none came up.</param>
public sealed record PlanNumbersResponse(
    Guid PlanId, string Currency, decimal TotalRevenue, IReadOnlyList<RevenueMonth> RevenueByMonth, int Active, int InGrace, int Expired,
    int Refunded, int Renewed, int CameUpForRenewal, double? RenewalRate, string RenewalRateDefinition);

public sealed record RemovalTaskResponse(Guid Id, Guid MembershipId, Guid GroupId, string GroupName, Guid MemberId, string MemberName, DateTime CreatedAt, DateTime? DoneAt, string? DoneBy);

public sealed record PaymentConfirmation(Guid? OrderId, string? Reference, decimal? Amount, string? Currency);

public sealed record WebhookSecretResponse(string Secret, string Url);
