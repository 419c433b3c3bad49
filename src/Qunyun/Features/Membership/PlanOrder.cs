using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Members;

namespace Qunyun.Features.PaidMemberships;

public enum PlanOrderStatus
{
    /// <summary>Waiting for the payment to be confirmed (by staff or the payment webhook).</summary>
    Pending,
    Paid,
    Refunded,

    /// <summary>Staff withdrew it before it was paid.</summary>
    Cancelled,
}

/// <summary>
/// One purchase of a plan by a member, at the price in force when it was created. Confirming it (once, however many
/// times it is confirmed) starts or extends the member's <see cref="PaidMembership"/>; refunding it ends that at once.
/// </summary>
public sealed class PlanOrder : IWorkspaceOwned
{
    public const int ReferenceMaxLength = 100;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid PlanId { get; set; }
    public MembershipPlan? Plan { get; set; }
    public Guid MemberId { get; set; }
    public Member? Member { get; set; }
    public decimal Price { get; set; }
    public required string Currency { get; set; }

    /// <summary>The early-bird step the price came from (0-based); null: the regular price.</summary>
    public int? EarlyBirdStep { get; set; }

    public PlanOrderStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>The payment's reference at the provider (e.g. a transaction number), as staff or the webhook gave it.</summary>
    public string? PaymentReference { get; set; }

    public DateTime? PaidAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? RefundedAt { get; set; }
    public string? RefundedBy { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>The membership the payment started or extended, and the term it paid for.</summary>
    public Guid? MembershipId { get; set; }

    public DateTime? TermStart { get; set; }
    public DateTime? TermEnd { get; set; }
    public bool IsRenewal { get; set; }
}

internal sealed class PlanOrderConfiguration : IEntityTypeConfiguration<PlanOrder>
{
    public void Configure(EntityTypeBuilder<PlanOrder> builder)
    {
        builder.ToTable("PlanOrders");
        builder.Property(o => o.Price).HasPrecision(18, 3);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.CreatedBy).HasMaxLength(200);
        builder.Property(o => o.ConfirmedBy).HasMaxLength(200);
        builder.Property(o => o.RefundedBy).HasMaxLength(200);
        builder.Property(o => o.PaymentReference).HasMaxLength(PlanOrder.ReferenceMaxLength);
        builder.HasOne(o => o.Plan).WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Member).WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.PlanId, o.Status, o.MemberId });
        builder.HasIndex(o => new { o.MemberId, o.CreatedAt });
    }
}
