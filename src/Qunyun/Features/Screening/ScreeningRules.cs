using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

/// <summary>A group's auto-approve rules: listed, added (checked against the questions it asks), tried on past applications (dry run).</summary>
public static class ScreeningRules
{
    public const int MaxPerGroup = 20;

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Added(ScreeningRuleResponse Rule) : Outcome;

        public sealed record Counted(ScreeningDryRunResponse Counts) : Outcome;

        public sealed record Invalid(FieldErrors Errors) : Outcome;

        public sealed record NotFound : Outcome;
    }

    public static Task<int> DeleteAsync(QunyunDb db, Guid ruleId, CancellationToken cancellationToken) =>
        db.ScreeningRules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(cancellationToken);

    public static Task<List<ScreeningRuleResponse>> ListAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken) =>
        db.ScreeningRules.AsNoTracking().Where(r => r.GroupId == groupId).OrderBy(r => r.CreatedAt)
            .Select(r => new ScreeningRuleResponse(r.Id, r.Kind, r.Question, r.Value, r.Days, r.CreatedAt)).ToListAsync(cancellationToken);

    public static async Task<Outcome> AddAsync(QunyunDb db, Guid groupId, ScreeningRuleRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (condition, errors) = await CheckAsync(db, groupId, request, cancellationToken);
        if (condition is null)
        {
            return errors is null ? new Outcome.NotFound() : new Outcome.Invalid(errors);
        }

        if (await db.ScreeningRules.CountAsync(r => r.GroupId == groupId, cancellationToken) >= MaxPerGroup)
        {
            return new Outcome.Invalid(new FieldErrors().Add("kind", $"A group has at most {MaxPerGroup} rules."));
        }

        var rule = new ScreeningRule
        {
            Id = Guid.CreateVersion7(now),
            GroupId = groupId,
            Kind = condition.Kind,
            Question = condition.Question,
            Value = condition.Value?.Trim(),
            Days = condition.Days,
            CreatedAt = now.UtcDateTime,
        };
        db.ScreeningRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome.Added(new ScreeningRuleResponse(rule.Id, rule.Kind, rule.Question, rule.Value, rule.Days, rule.CreatedAt));
    }

    /// <summary>How many of the group's answered applications the rule holds for, and how many of those still waiting.</summary>
    public static async Task<Outcome> DryRunAsync(QunyunDb db, Guid groupId, ScreeningRuleRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var (condition, errors) = await CheckAsync(db, groupId, request, cancellationToken);
        if (condition is null)
        {
            return errors is null ? new Outcome.NotFound() : new Outcome.Invalid(errors);
        }

        var answered = await db.Screenings.AsNoTracking().Where(s => s.GroupId == groupId && s.Mode == EntryMode.Application && s.AnsweredAt != null)
            .Select(s => new { s.MemberId, s.Answers, s.Status }).ToListAsync(cancellationToken);
        var profiles = await ApplicantProfiles.LoadAsync(db, answered.Select(a => a.MemberId).Distinct().ToList(), cancellationToken);
        var holds = answered.Where(a => AutoApprove.Holds(condition, ApplicantProfiles.Facts(profiles[a.MemberId], ScreeningSetups.ReadAnswers(a.Answers)), now)).ToList();
        return new Outcome.Counted(new ScreeningDryRunResponse(answered.Count, holds.Count, holds.Count(a => a.Status == ScreeningStatus.Pending)));
    }

    /// <summary>The condition, or why not (errors); both null: no such group.</summary>
    private static async Task<(AutoApproveCondition? Condition, FieldErrors? Errors)> CheckAsync(
        QunyunDb db, Guid groupId, ScreeningRuleRequest request, CancellationToken cancellationToken)
    {
        var settings = await SaveScreeningSettings.GetAsync(db, groupId, cancellationToken);
        if (settings is null)
        {
            return (null, null);
        }

        var errors = new FieldErrors();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return (null, errors.Add("kind", $"One of: {string.Join(", ", Enum.GetNames<AutoApproveKind>())}."));
        }

        var condition = new AutoApproveCondition(kind, request.Question, request.Value, request.Days);
        foreach (var problem in AutoApprove.Check(condition, settings.Questions.Count))
        {
            errors.Add(problem.Field, problem.Message);
        }

        return errors.Any ? (null, errors) : (condition, null);
    }
}
