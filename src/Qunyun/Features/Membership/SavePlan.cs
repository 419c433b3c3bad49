using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

/// <summary>Creates or edits a plan, after checking every field (a 400 names each one that is wrong).</summary>
public sealed class SavePlan(TimeProvider clock)
{
    public const int MaxGroups = 50;

    /// <summary>The saved plan, or the field errors (<paramref name="planId"/> unknown: neither, a 404).</summary>
    public async Task<(MembershipPlan? Plan, FieldErrors Errors)> ExecuteAsync(QunyunDb db, Guid? planId, PlanRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        var currency = request.Currency?.Trim().ToUpperInvariant();
        errors.AddIf(string.IsNullOrEmpty(name) || name.Length > MembershipPlan.NameMaxLength, "name", $"1–{MembershipPlan.NameMaxLength} characters.");
        errors.AddIf(!Currencies.IsKnown(currency), "currency", "An ISO 4217 currency code, e.g. CNY, USD, EUR.");
        errors.AddIf(request.TermUnit is null || !new PlanTerm(request.TermCount, request.TermUnit.Value).IsValid, "termCount",
            "1 to 3660 days, 1 to 120 months or 1 to 10 years (termUnit: Days, Months or Years).");
        errors.AddIf(request.BenefitsZh?.Length > MembershipPlan.BenefitsMaxLength, "benefitsZh", $"At most {MembershipPlan.BenefitsMaxLength} characters.");
        errors.AddIf(request.BenefitsEn?.Length > MembershipPlan.BenefitsMaxLength, "benefitsEn", $"At most {MembershipPlan.BenefitsMaxLength} characters.");
        errors.AddIf(request.GraceDays is < 0 or > MembershipTimeline.MaxGraceDays, "graceDays", $"0 to {MembershipTimeline.MaxGraceDays} days.");
        var reminders = request.ReminderDays is null ? MembershipTimeline.DefaultReminderDays : MembershipTimeline.ParseReminderDays(request.ReminderDays);
        errors.AddIf(reminders is null, "reminderDays", "Up to 5 numbers of days (1–90) before the end, e.g. \"7, 1\".");
        var groupIds = (request.GroupIds ?? []).Distinct().ToList();
        errors.AddIf(groupIds.Count is 0 or > MaxGroups, "groupIds", $"Choose 1 to {MaxGroups} groups the plan lets its members into.");
        if (groupIds.Count > 0 && await db.Groups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken) != groupIds.Count)
        {
            errors.Add("groupIds", "A group is not in this workspace.");
        }

        var schedule = new PriceSchedule(request.RegularPrice,
            [.. (request.EarlyBird ?? []).Select(s => new EarlyBirdPrice(s.Price, s.UntilMembers, s.UntilUtc?.ToUniversalTime()))]);
        foreach (var problem in schedule.Check(Currencies.IsKnown(currency) ? currency! : ""))
        {
            errors.Add(problem.Field, problem.Message);
        }

        if (!errors.Has("name") && await db.MembershipPlans.AnyAsync(p => p.Name == name && p.Id != planId, cancellationToken))
        {
            errors.Add("name", "Another plan has this name.");
        }

        var plan = planId is { } id
            ? await db.MembershipPlans.Include(p => p.Groups).Include(p => p.EarlyBird).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (errors.Any || planId is not null && plan is null)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (plan is null)
        {
            plan = new MembershipPlan { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name!, Currency = currency!, CreatedAt = now };
            db.MembershipPlans.Add(plan);
        }

        plan.Name = name!;
        plan.Currency = currency!;
        plan.RegularPrice = request.RegularPrice;
        plan.TermCount = request.TermCount;
        plan.TermUnit = request.TermUnit!.Value;
        plan.BenefitsZh = Blank(request.BenefitsZh);
        plan.BenefitsEn = Blank(request.BenefitsEn);
        plan.GraceDays = request.GraceDays ?? MembershipTimeline.DefaultGraceDays;
        plan.ReminderDays = string.Join(',', reminders!);
        plan.Archived = request.Archived;
        plan.UpdatedAt = now;
        plan.Groups.RemoveAll(g => !groupIds.Contains(g.GroupId));
        plan.Groups.AddRange(groupIds.Where(g => plan.Groups.All(x => x.GroupId != g)).Select(g => new MembershipPlanGroup { PlanId = plan.Id, GroupId = g }));
        plan.EarlyBird.Clear();
        await db.SaveChangesAsync(cancellationToken); // the old steps go before new ones take their keys
        plan.EarlyBird.AddRange(schedule.EarlyBird.Select((s, i) => new PlanPriceStep
        {
            PlanId = plan.Id,
            Position = i,
            Price = s.Price,
            UntilMembers = s.UntilMembers,
            UntilUtc = s.UntilUtc,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (plan, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
