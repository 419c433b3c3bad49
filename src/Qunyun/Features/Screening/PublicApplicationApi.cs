using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Data;

namespace Qunyun.Features.Screening;

/// <summary>
/// The applicant's side, without an account: the form's questions and answers by the unguessable token the bot sent
/// (no ids in or out). The console page <c>/apply/{token}</c> posts here too (as a form, then shows the outcome).
/// </summary>
public static class PublicApplicationApi
{
    public static IEndpointRouteBuilder MapPublicApplications(this IEndpointRouteBuilder app)
    {
        var form = app.MapGroup("/api/public/applications").AllowAnonymous().DisableAntiforgery().WithTags("Screening (public)");
        form.MapGet("/{token}", Get);
        form.MapPost("/{token}", Answer);
        app.MapPost("/apply/{token}", AnswerFromPage).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ApplicationFormResponse>, NotFound>> Get(string token, SubmitApplication submit, QunyunDbFactory factory, CancellationToken cancellationToken)
    {
        if (await submit.FindAsync(token, cancellationToken) is not var (workspaceId, id))
        {
            return TypedResults.NotFound();
        }

        await using var db = factory.Create(workspaceId);
        return await ScreeningQueue.FormAsync(db, id, cancellationToken) is { } form ? TypedResults.Ok(form) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ApplicationFormResponse>, NotFound, ValidationProblem>> Answer(
        string token, ApplicationAnswersRequest request, SubmitApplication submit, QunyunDbFactory factory, CancellationToken cancellationToken)
    {
        switch (await submit.ExecuteAsync(token, request.Answers, cancellationToken))
        {
            case SubmitApplication.Outcome.Done done:
                await using (var db = factory.Create(done.WorkspaceId))
                {
                    return TypedResults.Ok((await ScreeningQueue.FormAsync(db, done.ScreeningId, cancellationToken))!);
                }

            case SubmitApplication.Outcome.Invalid invalid:
                return invalid.Errors.ToProblem();
            default:
                return TypedResults.NotFound();
        }
    }

    /// <summary>The page's plain form post (answers named a0, a1…): back to the page with the outcome, or the first field refused.</summary>
    private static async Task<RedirectHttpResult> AnswerFromPage(string token, HttpRequest request, SubmitApplication submit, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var answers = Enumerable.Range(0, Engine.Screening.ScreeningSetup.MaxQuestions).TakeWhile(i => form.ContainsKey($"a{i}")).Select(i => (string?)form[$"a{i}"].ToString()).ToList();
        var lang = form["lang"].ToString() is { Length: > 0 and < 8 } l ? $"&lang={Uri.EscapeDataString(l)}" : "";
        var path = $"/apply/{Uri.EscapeDataString(token)}";
        return await submit.ExecuteAsync(token, answers, cancellationToken) switch
        {
            SubmitApplication.Outcome.Invalid invalid => TypedResults.Redirect($"{path}?error={Uri.EscapeDataString(invalid.Errors.Fields.First())}{lang}"),
            _ => TypedResults.Redirect($"{path}?sent=1{lang}"),
        };
    }
}
