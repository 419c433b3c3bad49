using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Templates;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Templates;

public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplates(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates");
        templates.MapGet("/", List);
        templates.MapGet("/{id:guid}", Get);
        templates.MapGet("/variables", Variables);
        templates.MapPost("/", Create).RequireAuthorization(Policies.Write);
        templates.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        templates.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        templates.MapPost("/preview", Preview);
        var alerts = api.MapGroup("/bot/alerts").WithTags("Templates");
        alerts.MapGet("/", Alerts);
        alerts.MapPost("/{id:guid}/acknowledge", Acknowledge).RequireAuthorization(Policies.Write);
        return api;
    }

    private static Task<Page<TemplateResponse>> List(
        QunyunDb db, [AsParameters] PageQuery paging, TemplatePurpose? purpose, CancellationToken cancellationToken = default)
    {
        var templates = db.MessageTemplates.AsNoTracking();
        if (purpose is not null)
        {
            templates = templates.Where(t => t.Purpose == purpose);
        }

        return paging.ApplyAsync(Project(templates.OrderBy(t => t.Key)), cancellationToken);
    }

    private static async Task<Results<Ok<TemplateResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } template ? TypedResults.Ok(template) : TypedResults.NotFound();

    /// <summary>The variables a purpose offers, with the sample values previews use.</summary>
    private static Ok<TemplateVariableResponse[]> Variables(TemplatePurpose purpose, string? language) =>
        TypedResults.Ok(TemplateVariables.For(purpose)
            .Select(v => new TemplateVariableResponse(v.Path, DefaultTemplates.IsChinese(language ?? "zh-CN") ? v.SampleZh : v.SampleEn, v.IsList)).ToArray());

    private static async Task<Results<Created<TemplateResponse>, ValidationProblem, ProblemHttpResult>> Create(
        TemplateRequest request, QunyunDb db, SaveTemplate save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, null, request, cancellationToken) switch
        {
            SaveTemplateResult.Saved saved => TypedResults.Created($"/api/v1/templates/{saved.Id}", await FindAsync(db, saved.Id, cancellationToken)),
            SaveTemplateResult.Invalid invalid => invalid.Errors.ToProblem(),
            SaveTemplateResult.Conflict conflict => Conflicts.Of(conflict.Detail),
            var other => throw new InvalidOperationException($"Unexpected {other}"),
        };

    private static async Task<Results<Ok<TemplateResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, TemplateRequest request, QunyunDb db, SaveTemplate save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            SaveTemplateResult.Saved => TypedResults.Ok((await FindAsync(db, id, cancellationToken))!),
            SaveTemplateResult.Invalid invalid => invalid.Errors.ToProblem(),
            SaveTemplateResult.Conflict conflict => Conflicts.Of(conflict.Detail),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, QunyunDb db, DeleteTemplate delete, CancellationToken cancellationToken) =>
        await delete.ExecuteAsync(db, id, cancellationToken) switch
        {
            DeleteTemplateResult.Deleted => TypedResults.NoContent(),
            DeleteTemplateResult.InUse inUse => Conflicts.Of(inUse.Detail),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Validates the body and renders it with the purpose's sample data; reads only, so any role may call it.</summary>
    private static Results<Ok<PreviewResponse>, ValidationProblem> Preview(PreviewRequest request)
    {
        var errors = new FieldErrors();
        var template = TemplateChecks.Check(errors, "Body", request.Body, request.Purpose!.Value);
        if (template is null)
        {
            return errors.ToProblem();
        }

        var language = DefaultTemplates.Normalize(request.Language ?? DefaultTemplates.Chinese);
        var outcome = template.Render(TemplateVariables.Sample(request.Purpose.Value, language));
        return outcome.Succeeded
            ? TypedResults.Ok(new PreviewResponse(language, outcome.Text!))
            : errors.Add("Body", outcome.Error!).ToProblem();
    }

    private static Task<Page<BotAlertResponse>> Alerts(QunyunDb db, [AsParameters] PageQuery paging, bool? open, CancellationToken cancellationToken = default)
    {
        var alerts = db.BotAlerts.AsNoTracking();
        if (open == true)
        {
            alerts = alerts.Where(a => a.AcknowledgedAt == null);
        }

        return paging.ApplyAsync(alerts.OrderByDescending(a => a.At)
            .Select(a => new BotAlertResponse(a.Id, a.Kind, a.GroupId, a.MemberId, a.TemplateId, a.Message, a.At, a.AcknowledgedAt)), cancellationToken);
    }

    private static async Task<Results<NoContent, NotFound>> Acknowledge(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.BotAlerts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, a => a.AcknowledgedAt ?? now), cancellationToken);
        return updated == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    public static Task<TemplateResponse?> FindAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        Project(db.MessageTemplates.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<TemplateResponse> Project(IQueryable<MessageTemplate> templates) =>
        templates.Select(t => new TemplateResponse(t.Id, t.Key, t.Name, t.Purpose, t.BodyZh, t.BodyEn, t.Version, t.UpdatedAt));
}
