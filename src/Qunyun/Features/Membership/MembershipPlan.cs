using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Membership;
using Qunyun.Features.Groups;

namespace Qunyun.Features.PaidMemberships;

/// <summary>
/// A paid community's offer (付费社群): what a member pays, for how long, what they get, and which groups it lets them
/// into. Its prices follow an early-bird schedule, then the regular price.
/// </summary>
public sealed class MembershipPlan : IWorkspaceOwned
{
    public const int NameMaxLength = 100;
    public const int BenefitsMaxLength = 2000;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }

    /// <summary>ISO 4217, upper case.</summary>
    public required string Currency { get; set; }

    public decimal RegularPrice { get; set; }
    public int TermCount { get; set; }
    public TermUnit TermUnit { get; set; }
    public string? BenefitsZh { get; set; }
    public string? BenefitsEn { get; set; }
    public int GraceDays { get; set; } = MembershipTimeline.DefaultGraceDays;

    /// <summary>Days before the end a reminder goes out, largest first ("7,1").</summary>
    public string ReminderDays { get; set; } = string.Join(',', MembershipTimeline.DefaultReminderDays);

    /// <summary>No new orders; its members keep their terms.</summary>
    public bool Archived { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<MembershipPlanGroup> Groups { get; set; } = [];
    public List<PlanPriceStep> EarlyBird { get; set; } = [];

    public PlanTerm Term => new(TermCount, TermUnit);

    public IReadOnlyList<int> Reminders => MembershipTimeline.ParseReminderDays(ReminderDays) ?? MembershipTimeline.DefaultReminderDays;

    public PriceSchedule Schedule => new(RegularPrice,
        [.. EarlyBird.OrderBy(s => s.Position).Select(s => new EarlyBirdPrice(s.Price, s.UntilMembers, s.UntilUtc))]);
}

/// <summary>A group a plan lets its members into.</summary>
public sealed class MembershipPlanGroup : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid PlanId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
}

/// <summary>One early-bird step of a plan's price schedule, in order of <see cref="Position"/>.</summary>
public sealed class PlanPriceStep : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid PlanId { get; set; }
    public int Position { get; set; }
    public decimal Price { get; set; }
    public int? UntilMembers { get; set; }
    public DateTime? UntilUtc { get; set; }
}

internal sealed class MembershipPlanConfiguration : IEntityTypeConfiguration<MembershipPlan>
{
    public void Configure(EntityTypeBuilder<MembershipPlan> builder)
    {
        builder.ToTable("MembershipPlans");
        builder.Property(p => p.Name).HasMaxLength(MembershipPlan.NameMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.RegularPrice).HasPrecision(18, 3);
        builder.Property(p => p.TermUnit).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.BenefitsZh).HasMaxLength(MembershipPlan.BenefitsMaxLength);
        builder.Property(p => p.BenefitsEn).HasMaxLength(MembershipPlan.BenefitsMaxLength);
        builder.Property(p => p.ReminderDays).HasMaxLength(32);
        builder.HasMany(p => p.Groups).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.EarlyBird).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.WorkspaceId, p.Name }).IsUnique();
    }
}

internal sealed class MembershipPlanGroupConfiguration : IEntityTypeConfiguration<MembershipPlanGroup>
{
    public void Configure(EntityTypeBuilder<MembershipPlanGroup> builder)
    {
        builder.ToTable("MembershipPlanGroups");
        builder.HasKey(g => new { g.PlanId, g.GroupId });
        builder.HasOne(g => g.Group).WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.GroupId);
    }
}

internal sealed class PlanPriceStepConfiguration : IEntityTypeConfiguration<PlanPriceStep>
{
    public void Configure(EntityTypeBuilder<PlanPriceStep> builder)
    {
        builder.ToTable("PlanPriceSteps");
        builder.HasKey(s => new { s.PlanId, s.Position });
        builder.Property(s => s.Price).HasPrecision(18, 3);
    }
}
