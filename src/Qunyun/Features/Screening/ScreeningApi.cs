using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Screening;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Groups.TypePolicy;

namespace Qunyun.Features.Screening;

/// <summary>Entry screening: a group's settings and auto-approve rules, the approve/deny queue, and the applicant's public form.</summary>
public static class ScreeningApi
{
    public static RouteGroupBuilder MapScreening(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups/{id:guid}/screening").WithTags("Screening");
        groups.MapGet("", GetSettings);
        groups.MapPut("", PutSettings).RequireAuthorization(Policies.Operate);
        groups.MapGet("/rules", ListRules);
        groups.MapPost("/rules", AddRule).RequireAuthorization(Policies.Operate);
        groups.MapPost("/rules/dry-run", DryRun);
        api.MapDelete("/screening/rules/{ruleId:guid}", DeleteRule).RequireAuthorization(Policies.Operate).WithTags("Screening");
        api.MapPut("/screening/type-settings", PutTypeSettings).RequireAuthorization(Policies.Operate).WithTags("Screening");

        var queue = api.MapGroup("/screenings").WithTags("Screening");
        queue.MapGet("", List);
        queue.MapGet("/{id:guid}", Get);
        queue.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.Write);
        queue.MapPost("/{id:guid}/deny", Deny).RequireAuthorization(Policies.Write);
        queue.MapPost("/{id:guid}/removed", Removed).RequireAuthorization(Policies.Write);
        api.MapGet("/members/{id:guid}/screenings", OfMember).WithTags("Screening");
        return api;
    }

    private static async Task<Results<Ok<ScreeningSettingsResponse>, NotFound>> GetSettings(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await SaveScreeningSettings.GetAsync(db, id, cancellationToken) is { } settings ? TypedResults.Ok(settings) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScreeningSettingsResponse>, NotFound, ValidationProblem>> PutSettings(
        Guid id, ScreeningSettingsRequest request, QunyunDb db, SaveScreeningSettings save, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }

        return await save.SaveAsync(db, id, null, GroupPolicies.Of(group).Entry, request, cancellationToken) is { } errors
            ? errors.ToProblem()
            : TypedResults.Ok((await SaveScreeningSettings.GetAsync(db, id, cancellationToken))!);
    }

    /// <summary>The settings every group of a type uses unless it has its own.</summary>
    private static async Task<Results<NoContent, ValidationProblem>> PutTypeSettings(
        ScreeningTypeSettingsRequest request, QunyunDb db, SaveScreeningSettings save, CancellationToken cancellationToken)
    {
        if (request.Type is not { } groupType || !Enum.IsDefined(groupType))
        {
            return new FieldErrors().Add("type", $"One of: {string.Join(", ", Enum.GetNames<GroupType>())}.").ToProblem();
        }

        return await save.SaveAsync(db, null, groupType, GroupSettings.ForType(groupType).Entry, request.Settings, cancellationToken) is { } errors
            ? errors.ToProblem()
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<ScreeningRuleResponse>>, NotFound>> ListRules(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        !await db.Groups.AnyAsync(g => g.Id == id, cancellationToken)
            ? TypedResults.NotFound()
            : TypedResults.Ok(await ScreeningRules.ListAsync(db, id, cancellationToken));

    private static async Task<Results<Created<ScreeningRuleResponse>, NotFound, ValidationProblem>> AddRule(
        Guid id, ScreeningRuleRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ScreeningRules.AddAsync(db, id, request, clock.GetUtcNow(), cancellationToken) switch
        {
            ScreeningRules.Outcome.Added added => TypedResults.Created($"/api/v1/groups/{id}/screening/rules", added.Rule),
            ScreeningRules.Outcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<ScreeningDryRunResponse>, NotFound, ValidationProblem>> DryRun(
        Guid id, ScreeningRuleRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ScreeningRules.DryRunAsync(db, id, request, clock.GetUtcNow().UtcDateTime, cancellationToken) switch
        {
            ScreeningRules.Outcome.Counted counted => TypedResults.Ok(counted.Counts),
            ScreeningRules.Outcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<NoContent, NotFound>> DeleteRule(Guid ruleId, QunyunDb db, CancellationToken cancellationToken) =>
        await ScreeningRules.DeleteAsync(db, ruleId, cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ScreeningResponse>>, ValidationProblem>> List(
        QunyunDb db, string? status = null, Guid? groupId = null, bool removeByHand = false, CancellationToken cancellationToken = default)
    {
        ScreeningStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ScreeningStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                return new FieldErrors().Add("status", $"One of: {string.Join(", ", Enum.GetNames<ScreeningStatus>())}.").ToProblem();
            }

            parsed = s;
        }

        return TypedResults.Ok(await ScreeningQueue.ListAsync(db, parsed, groupId, null, removeByHand, cancellationToken));
    }

    private static async Task<Results<Ok<ScreeningResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await ScreeningQueue.GetAsync(db, id, cancellationToken) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ScreeningResponse>>, NotFound>> OfMember(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        !await db.Members.AnyAsync(m => m.Id == id, cancellationToken)
            ? TypedResults.NotFound()
            : TypedResults.Ok(await ScreeningQueue.ListAsync(db, null, null, id, false, cancellationToken));

    private static Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, QunyunDb db, DecideScreening decide, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        DecideAsync(db, decide, id, new(true, ScreeningDecider.Staff, Actors.DisplayNameOf(user), null), cancellationToken);

    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Deny(
        Guid id, DenyScreeningRequest? request, QunyunDb db, DecideScreening decide, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        request?.Reason?.Length > Screening.ReasonMaxLength
            ? new FieldErrors().Add("reason", $"At most {Screening.ReasonMaxLength} characters.").ToProblem()
            : await DecideAsync(db, decide, id, new(false, ScreeningDecider.Staff, Actors.DisplayNameOf(user), request?.Reason), cancellationToken);

    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        QunyunDb db, DecideScreening decide, Guid id, DecideScreening.Decision decision, CancellationToken cancellationToken) =>
        await decide.ExecuteAsync(db, id, decision, cancellationToken) switch
        {
            DecideScreening.Outcome.Decided => TypedResults.Ok((await ScreeningQueue.GetAsync(db, id, cancellationToken))!),
            DecideScreening.Outcome.AlreadyDecided already when already.Screening.Status == (decision.Approve ? ScreeningStatus.Approved : ScreeningStatus.Denied) =>
                TypedResults.Ok((await ScreeningQueue.GetAsync(db, id, cancellationToken))!),
            DecideScreening.Outcome.AlreadyDecided => Conflicts.Of("This application was already decided."),
            _ => TypedResults.NotFound(),
        };

    /// <summary>A staff member removed someone the platform could not remove; the task leaves the list.</summary>
    private static async Task<Results<NoContent, NotFound>> Removed(Guid id, QunyunDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken) =>
        await ScreeningRemovals.MarkAsync(db, id, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime, cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();
}
