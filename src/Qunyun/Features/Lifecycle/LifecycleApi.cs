using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Lifecycle;

public static class LifecycleApi
{
    public static RouteGroupBuilder MapLifecycle(this RouteGroupBuilder api)
    {
        var lifecycle = api.MapGroup("/groups/{id:guid}/lifecycle").WithTags("Lifecycle");
        lifecycle.MapGet("", Get);
        lifecycle.MapPost("/cancel", Cancel).RequireAuthorization(Policies.Operate);
        lifecycle.MapPost("/postpone", Postpone).RequireAuthorization(Policies.Operate);
        lifecycle.MapPut("/tasks/{kind}", MarkTask).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Results<Ok<LifecycleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, QunyunDb db, LifecycleOfGroup lifecycles, CancellationToken cancellationToken) =>
        Answer(await lifecycles.ReadAsync(db, id, cancellationToken));

    private static async Task<Results<Ok<LifecycleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, QunyunDb db, LifecycleOfGroup lifecycles, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await lifecycles.CancelAsync(db, id, Actors.AuditNameOf(user), cancellationToken));

    private static async Task<Results<Ok<LifecycleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Postpone(
        Guid id, PostponeRequest request, QunyunDb db, LifecycleOfGroup lifecycles, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await lifecycles.PostponeAsync(db, id, request, Actors.AuditNameOf(user), cancellationToken));

    private static async Task<Results<Ok<LifecycleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkTask(
        Guid id, string kind, LifecycleTaskRequest request, QunyunDb db, LifecycleOfGroup lifecycles, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await lifecycles.MarkTaskAsync(db, id, kind, request.Done, Actors.AuditNameOf(user), cancellationToken));

    private static Results<Ok<LifecycleResponse>, NotFound, ValidationProblem, ProblemHttpResult> Answer(LifecycleChange change) => change switch
    {
        LifecycleChange.Done done => TypedResults.Ok(done.Lifecycle),
        LifecycleChange.Invalid invalid => invalid.Errors.ToProblem(),
        LifecycleChange.Conflict conflict => Conflicts.Of(conflict.Detail),
        _ => TypedResults.NotFound(),
    };
}
