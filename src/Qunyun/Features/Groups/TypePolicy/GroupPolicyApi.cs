using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Groups.TypePolicy;

/// <summary>
/// GET /groups/{id}/policy: the policy in force with what is inherited and what is overridden; PUT sets or clears
/// (null) overrides by field name; DELETE drops them all.
/// </summary>
public static class GroupPolicyApi
{
    public static RouteGroupBuilder MapGroupPolicy(this RouteGroupBuilder groups)
    {
        groups.MapGet("/{id:guid}/policy", Get);
        groups.MapPut("/{id:guid}/policy", Put).RequireAuthorization(Policies.Write);
        groups.MapDelete("/{id:guid}/policy", Reset).RequireAuthorization(Policies.Write);
        return groups;
    }

    private static async Task<Results<Ok<GroupPolicyResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await SaveGroupPolicy.GetAsync(db, id, cancellationToken) is { } policy ? TypedResults.Ok(policy) : TypedResults.NotFound();

    private static async Task<Results<Ok<GroupPolicyResponse>, NotFound, ValidationProblem>> Put(
        Guid id, Dictionary<string, JsonElement> changes, QunyunDb db, SaveGroupPolicy save, CancellationToken cancellationToken) =>
        Answer(await save.SaveAsync(db, id, changes, cancellationToken));

    private static async Task<Results<Ok<GroupPolicyResponse>, NotFound, ValidationProblem>> Reset(
        Guid id, QunyunDb db, SaveGroupPolicy save, CancellationToken cancellationToken) =>
        Answer(await save.ResetAsync(db, id, cancellationToken));

    private static Results<Ok<GroupPolicyResponse>, NotFound, ValidationProblem> Answer(SaveGroupPolicy.Outcome outcome) => outcome switch
    {
        SaveGroupPolicy.Outcome.Saved saved => TypedResults.Ok(saved.Policy),
        SaveGroupPolicy.Outcome.Invalid invalid => invalid.Errors.ToProblem(),
        _ => TypedResults.NotFound(),
    };
}
