using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

/// <summary>
/// An applicant answers through the public form. Answers are checked against the questions as they were asked; then
/// the group's auto-approve rules are tried in order and the first that holds approves. Answering again while the
/// application waits replaces the answers; once it is decided nothing changes and the decision is returned.
/// </summary>
public sealed class SubmitApplication(QunyunDbFactory factory, DecideScreening decide, TimeProvider clock)
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done(Guid WorkspaceId, Guid ScreeningId) : Outcome;

        public sealed record Invalid(FieldErrors Errors) : Outcome;

        public sealed record NotFound : Outcome;
    }

    /// <summary>The workspace a token belongs to (the public form knows no workspace).</summary>
    public async Task<(Guid WorkspaceId, Guid ScreeningId)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = factory.CreateUnscoped();
        var found = await db.Screenings.IgnoreQueryFilters().Where(s => s.Token == token).Select(s => new { s.WorkspaceId, s.Id }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.WorkspaceId, found.Id);
    }

    public async Task<Outcome> ExecuteAsync(string token, IReadOnlyList<string?>? answers, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not var (workspaceId, id))
        {
            return new Outcome.NotFound();
        }

        await using var db = factory.Create(workspaceId);
        var screening = await db.Screenings.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
        if (screening.Status != ScreeningStatus.Pending || screening.Mode != EntryMode.Application)
        {
            return new Outcome.Done(workspaceId, id);
        }

        var questions = ScreeningSetups.ReadQuestions(screening.Questions);
        var given = answers ?? [];
        var errors = new FieldErrors();
        foreach (var problem in ScreeningChecks.Answers(questions, given))
        {
            errors.Add(problem.Field, problem.Message);
        }

        if (errors.Any)
        {
            return new Outcome.Invalid(errors);
        }

        var cleaned = given.Select(a => a?.Trim()).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Screenings.Where(s => s.Id == id && s.Status == ScreeningStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Answers, System.Text.Json.JsonSerializer.Serialize(cleaned, ScreeningSetups.Json)).SetProperty(x => x.AnsweredAt, now),
                cancellationToken);
        var rules = await db.ScreeningRules.AsNoTracking().Where(r => r.GroupId == screening.GroupId).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        if (rules.Count > 0)
        {
            var profile = (await ApplicantProfiles.LoadAsync(db, [screening.MemberId], cancellationToken))[screening.MemberId];
            if (AutoApprove.FirstMatch(rules.ConvertAll(r => r.Condition), ApplicantProfiles.Facts(profile, cleaned), now) is { } match)
            {
                await decide.ExecuteAsync(db, id, new(true, ScreeningDecider.Rule, ScreeningRuleWords.Record(rules[match]), null), cancellationToken);
            }
        }

        return new Outcome.Done(workspaceId, id);
    }
}
