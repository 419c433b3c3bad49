using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Plan;

public static class PlanApi
{
    public static RouteGroupBuilder MapPlan(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/plan").WithTags("Content plan");
        plan.MapGet("/entries", List);
        plan.MapGet("/entries/{id:guid}", Get);
        plan.MapPost("/entries", Create).RequireAuthorization(Policies.Write);
        plan.MapPut("/entries/{id:guid}", Update).RequireAuthorization(Policies.Write);
        plan.MapDelete("/entries/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        plan.MapGet("/calendar", Calendar);
        plan.MapPut("/occurrences/{id:guid}", Reschedule).RequireAuthorization(Policies.Write);
        plan.MapGet("/presets", Presets);
        plan.MapPost("/presets", UsePreset).RequireAuthorization(Policies.Write);
        plan.MapGet("/rule-reminders/{id:guid}", GetReminder);
        plan.MapPut("/rule-reminders/{id:guid}", PutReminder).RequireAuthorization(Policies.Write);
        plan.MapDelete("/rule-reminders/{id:guid}", DeleteReminder).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<List<PlanEntryResponse>> List(QunyunDb db, CancellationToken cancellationToken) =>
        (await db.PlanEntries.AsNoTracking().Include(e => e.ContentItem).OrderBy(e => e.Title).ToListAsync(cancellationToken)).Select(PlanEntryResponse.Of).ToList();

    private static async Task<Results<Ok<PlanEntryResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound();

    private static async Task<Results<Created<PlanEntryResponse>, ValidationProblem>> Create(
        PlanEntryRequest request, QunyunDb db, SavePlanEntry save, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(db, null, request, cancellationToken);
        return outcome.Errors is { } errors
            ? errors.ToProblem()
            : TypedResults.Created($"/api/v1/plan/entries/{outcome.Entry!.Id}", (await FindAsync(db, outcome.Entry.Id, cancellationToken))!);
    }

    private static async Task<Results<Ok<PlanEntryResponse>, NotFound, ValidationProblem>> Update(
        Guid id, PlanEntryRequest request, QunyunDb db, SavePlanEntry save, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(db, id, request, cancellationToken);
        return outcome switch
        {
            { Errors: { } errors } => errors.ToProblem(),
            { Entry: { } entry } => TypedResults.Ok((await FindAsync(db, entry.Id, cancellationToken))!),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>Removes the entry with its occurrences; what was already sent stays in the outbox.</summary>
    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.PlanEntries.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    /// <summary>Everything planned, sent or missed between two instants (at most 62 days).</summary>
    private static async Task<Results<Ok<List<CalendarItem>>, ValidationProblem>> Calendar(
        DateTimeOffset? from, DateTimeOffset? to, QunyunDb db, PlanCalendar calendar, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().AddIf(from is null, "from", "Required.").AddIf(to is null, "to", "Required.");
        errors.AddIf(from is not null && to is not null && to <= from, "to", "Must be after from.");
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await calendar.ItemsAsync(db, from!.Value, to!.Value, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Reschedule(
        Guid id, RescheduleRequest request, QunyunDb db, ReschedulePlan reschedule, CancellationToken cancellationToken) =>
        await reschedule.ExecuteAsync(db, id, request.At, cancellationToken) switch
        {
            { Occurrence: null } => TypedResults.NotFound(),
            { Errors: { } errors } => errors.ToProblem(),
            { Conflict: { } conflict } => Conflicts.Of(conflict),
            _ => TypedResults.NoContent(),
        };

    private static Task<IReadOnlyList<PlanPreset>> Presets(QunyunDb db, CancellationToken cancellationToken) => PlanPresets.ListAsync(db, cancellationToken);

    /// <summary>The preset with its scheduled-post template, created on first use: post its templateId as an entry's.</summary>
    private static async Task<Results<Ok<PlanPreset>, ValidationProblem>> UsePreset(UsePresetRequest request, QunyunDb db, PlanPresets presets, CancellationToken cancellationToken) =>
        await presets.EnsureAsync(db, request.Key ?? "", cancellationToken) is { } preset
            ? TypedResults.Ok(preset)
            : new FieldErrors().Add("key", "One of: morning, evening.").ToProblem();

    /// <summary>The rule reminder of a group (id is the group's id).</summary>
    private static async Task<Results<Ok<RuleReminderResponse>, NotFound>> GetReminder(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.RuleReminders.AsNoTracking().FirstOrDefaultAsync(r => r.GroupId == id, cancellationToken) is { } reminder
            ? TypedResults.Ok(RuleReminderResponse.Of(reminder))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<RuleReminderResponse>, NotFound, ValidationProblem>> PutReminder(
        Guid id, RuleReminderRequest request, QunyunDb db, SaveRuleReminder save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            { Errors: { } errors } => errors.ToProblem(),
            { Reminder: { } reminder } => TypedResults.Ok(RuleReminderResponse.Of(reminder)),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<NoContent, NotFound>> DeleteReminder(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.RuleReminders.Where(r => r.GroupId == id).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    private static async Task<PlanEntryResponse?> FindAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        await db.PlanEntries.AsNoTracking().Include(e => e.ContentItem).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } entry
            ? PlanEntryResponse.Of(entry)
            : null;
}
