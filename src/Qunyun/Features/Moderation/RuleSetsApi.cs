using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Moderation;

public static class RuleSetsApi
{
    public static RouteGroupBuilder MapRuleSets(this RouteGroupBuilder moderation)
    {
        moderation.MapGet("/rulesets", List);
        moderation.MapPost("/rulesets", Create).RequireAuthorization(Policies.Write);
        moderation.MapGet("/rulesets/{id:guid}", Get);
        moderation.MapPut("/rulesets/{id:guid}", Publish).RequireAuthorization(Policies.Write);
        moderation.MapDelete("/rulesets/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        moderation.MapGet("/rulesets/{id:guid}/export", ExportAsync);
        moderation.MapPost("/rulesets/{id:guid}/import", Import).RequireAuthorization(Policies.Write);
        moderation.MapGet("/versions/{id:guid}", GetVersion);
        moderation.MapGet("/versions/{id:guid}/diff", Diff);
        moderation.MapPost("/versions/{id:guid}/restore", Restore).RequireAuthorization(Policies.Write);
        moderation.MapGet("/groups/{id:guid}", GroupRules);
        return moderation;
    }

    private static async Task<List<RuleSetResponse>> List(QunyunDb db, CancellationToken cancellationToken) =>
        await Project(db.RuleSets.AsNoTracking().OrderBy(r => r.GroupId != null).ThenBy(r => r.Group!.Name)).ToListAsync(cancellationToken);

    private static async Task<Results<Created<RuleSetDetailResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateRuleSetRequest request, QunyunDb db, PublishRuleSet publish, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.GroupId is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return new FieldErrors().Add("groupId", "No group with this id in the workspace.").ToProblem();
        }

        var scope = RuleSet.ScopeOf(request.GroupId);
        if (await db.RuleSets.AnyAsync(r => r.Scope == scope, cancellationToken))
        {
            return Conflicts.Of(request.GroupId is null ? "The workspace already has a default rule set." : "The group already has an override; publish a new version of it.");
        }

        var outcome = await publish.ExecuteAsync(db, request.GroupId, request.Definition, request.Summary, Actors.AuditNameOf(user), request.PostRules, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        var detail = (await DetailAsync(db, outcome.RuleSet!.Id, cancellationToken))!;
        return TypedResults.Created($"/api/v1/moderation/rulesets/{outcome.RuleSet.Id}", detail);
    }

    private static async Task<Results<Ok<RuleSetDetailResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await DetailAsync(db, id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<RuleSetDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Publish(
        Guid id, PublishRequest request, QunyunDb db, PublishRuleSet publish, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await PublishAsync(id, request.Definition, request.Summary, request.PostRules, db, publish, user, cancellationToken);

    private static async Task<Results<Ok<RuleSetDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Import(
        Guid id, RuleSetExport document, QunyunDb db, PublishRuleSet publish, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await db.RuleSets.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (document.Format != RuleSetExport.CurrentFormat)
        {
            return new FieldErrors().Add("format", $"Expected \"{RuleSetExport.CurrentFormat}\" (a file exported by Qunyun).").ToProblem();
        }

        var summary = $"Imported ({document.Scope ?? "?"} v{document.Version?.ToString() ?? "?"})";
        return await PublishAsync(id, document.Definition, summary, false, db, publish, user, cancellationToken);
    }

    private static async Task<Results<Ok<RuleSetDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Restore(
        Guid id, QunyunDb db, PublishRuleSet publish, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var version = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null)
        {
            return TypedResults.NotFound();
        }

        return await PublishAsync(version.RuleSetId, ModerationJson.ReadDefinition(version.Definition), $"Restored version {version.Number}",
            false, db, publish, user, cancellationToken);
    }

    private static async Task<Results<Ok<RuleSetDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Guid id, RuleSetDefinition? definition, string? summary, bool postRules, QunyunDb db, PublishRuleSet publish, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var ruleSet = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (ruleSet is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = await publish.ExecuteAsync(db, ruleSet.GroupId, definition, summary, Actors.AuditNameOf(user), postRules, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        if (outcome.Conflict is { } conflict)
        {
            return Conflicts.Of(conflict);
        }

        return TypedResults.Ok((await DetailAsync(db, id, cancellationToken))!);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ruleSet = await db.RuleSets.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (ruleSet is null)
        {
            return TypedResults.NotFound();
        }

        if (ruleSet.IsDefault)
        {
            return Conflicts.Of("The workspace default cannot be deleted; publish a version without rules instead.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RuleSets.Remove(ruleSet);
        await db.SaveChangesAsync(cancellationToken);
        await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<RuleSetExport>, NotFound>> ExportAsync(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await db.RuleSets.AsNoTracking().Where(r => r.Id == id)
            .Join(db.RuleSetVersions, r => r.CurrentVersionId, v => v.Id, (r, v) => new { r.Scope, r.GroupId, v.Number, v.Definition })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        var definition = ModerationJson.ReadDefinition(current.Definition);
        var lists = definition.Rules.Where(r => r.List is not null).Select(r => r.List!).Distinct().Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new RuleSetExport(RuleSetExport.CurrentFormat, current.GroupId is null ? RuleSet.DefaultScope : "group",
            current.Number, clock.GetUtcNow().UtcDateTime, lists, definition));
    }

    private static async Task<Results<Ok<VersionDetailResponse>, NotFound>> GetVersion(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var version = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return version is null ? TypedResults.NotFound() : TypedResults.Ok(new VersionDetailResponse(ToResponse(version), ModerationJson.ReadDefinition(version.Definition)));
    }

    /// <summary>The changes that led to this version: from <paramref name="against"/>, or from the version before it.</summary>
    private static async Task<Results<Ok<DiffResponse>, NotFound, ValidationProblem>> Diff(Guid id, Guid? against, QunyunDb db, CancellationToken cancellationToken)
    {
        var version = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null)
        {
            return TypedResults.NotFound();
        }

        var from = against is { } other
            ? await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == other && v.RuleSetId == version.RuleSetId, cancellationToken)
            : await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RuleSetId == version.RuleSetId && v.Number == version.Number - 1, cancellationToken);
        if (against is not null && from is null)
        {
            return new FieldErrors().Add("against", "No version with this id in the same rule set.").ToProblem();
        }

        var changes = RuleSetDiff.Between(from is null ? null : ModerationJson.ReadDefinition(from.Definition), ModerationJson.ReadDefinition(version.Definition));
        return TypedResults.Ok(new DiffResponse(from is null ? null : ToResponse(from), ToResponse(version), changes));
    }

    private static async Task<Results<Ok<GroupRulesResponse>, NotFound>> GroupRules(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await RulesInForce.ForGroupAsync(db, id, cancellationToken));
    }

    internal static async Task<RuleSetDetailResponse?> DetailAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        var ruleSet = await Project(db.RuleSets.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (ruleSet is null)
        {
            return null;
        }

        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.RuleSetId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var current = versions.First(v => v.Id == ruleSet.CurrentVersionId);
        return new RuleSetDetailResponse(ruleSet, ModerationJson.ReadDefinition(current.Definition), versions.Select(ToResponse).ToList());
    }

    private static IQueryable<RuleSetResponse> Project(IQueryable<RuleSet> sets) =>
        sets.Select(r => new RuleSetResponse(r.Id, r.GroupId == null ? RuleSet.DefaultScope : "group", r.GroupId, r.Group!.Name, r.CurrentNumber, r.CurrentVersionId, r.UpdatedAt));

    internal static VersionResponse ToResponse(RuleSetVersion v) => new(v.Id, v.RuleSetId, v.Number, v.Summary, v.Author, v.CreatedAt);
}
