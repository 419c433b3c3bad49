using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Feedback;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Feedback;

public static class FeedbackApi
{
    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("Feedback");
        feedback.MapGet("", List);
        feedback.MapGet("/{id:guid}", Get);
        feedback.MapPatch("/{id:guid}", Change).RequireAuthorization(Policies.Write);
        feedback.MapGet("/settings", GetSettings);
        feedback.MapPut("/settings", PutSettings).RequireAuthorization(Policies.Operate);
        api.MapGet("/groups/{id:guid}/feedback-counts", Counts).WithTags("Feedback");
        return api;
    }

    private static async Task<Ok<Page<FeedbackItemResponse>>> List(
        QunyunDb db, [AsParameters] PageQuery page, Guid? groupId, FeedbackStatus? status, FeedbackKind? kind, string? ownerId, string? text,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await page.ApplyAsync(FeedbackQueries.List(db, new FeedbackFilter(groupId, status, kind, ownerId, text)), cancellationToken));

    private static async Task<Results<Ok<FeedbackItemResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FeedbackQueries.GetAsync(db, id, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    private static async Task<Results<Ok<FeedbackItemResponse>, NotFound, ValidationProblem>> Change(
        Guid id, FeedbackChangeRequest request, QunyunDb db, ChangeFeedbackItem change, CancellationToken cancellationToken) =>
        await change.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            FeedbackChange.Done done => TypedResults.Ok(done.Item),
            FeedbackChange.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<FeedbackCounts>, NotFound>> Counts(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.Groups.FindAsync([id], cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok(await FeedbackQueries.CountsAsync(db, id, cancellationToken));

    private static async Task<Ok<FeedbackSettingsResponse>> GetSettings(QunyunDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(FeedbackSettingsResponse.Of(await FeedbackSettings.LoadAsync(db, cancellationToken)));

    private static async Task<Results<Ok<FeedbackSettingsResponse>, ValidationProblem>> PutSettings(
        FeedbackSettingsRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var (settings, errors) = await SaveFeedbackSettings.ExecuteAsync(db, request, cancellationToken);
        return settings is not null ? TypedResults.Ok(FeedbackSettingsResponse.Of(settings)) : errors.ToProblem();
    }
}
