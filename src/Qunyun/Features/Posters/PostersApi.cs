using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Posters;

/// <summary><c>/api/v1/posters</c>: templates (anyone reads, operators change), previews, and public poster URLs.</summary>
public static class PostersApi
{
    public static RouteGroupBuilder MapPosters(this RouteGroupBuilder api)
    {
        var posters = api.MapGroup("/posters").WithTags("Posters");
        posters.MapGet("/templates", List);
        posters.MapGet("/templates/{id:guid}", Get);
        posters.MapPost("/templates/{id:guid}/preview", Preview);
        var operate = posters.MapGroup("").RequireAuthorization(Policies.Operate);
        operate.MapPost("/templates", Create).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(2 * PosterBackground.MaxBytes));
        operate.MapPut("/templates/{id:guid}", Update);
        operate.MapPut("/templates/{id:guid}/background", ReplaceBackground).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(2 * PosterBackground.MaxBytes));
        operate.MapPost("/templates/{id:guid}/default", MakeDefault);
        operate.MapDelete("/templates/{id:guid}", Delete);
        operate.MapPost("/links", CreateLink);
        return api;
    }

    private static async Task<Results<Ok<PosterTemplateResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken ct) =>
        await PosterQueries.GetAsync(db, id, ct) is { } template ? TypedResults.Ok(template) : TypedResults.NotFound();

    private static async Task<Ok<List<PosterTemplateResponse>>> List(QunyunDb db, CancellationToken ct) =>
        TypedResults.Ok(await PosterQueries.ListAsync(db, ct));

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> Preview(
        Guid id, PosterPreviewRequest request, QunyunDb db, PosterRenderer renderer, CancellationToken ct)
    {
        if (await PosterQueries.DesignAsync(db, id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var (layout, errors) = request.Layout();
        if (layout is not null)
        {
            errors = PosterRules.Check(layout, found.Design.Width, found.Design.Height);
        }

        var (name, link) = (request.MemberName ?? PosterSamples.MemberName, request.Link ?? PosterSamples.Link);
        foreach (var (field, messages) in PosterQueries.CheckSample(name, link).ToDictionary())
        {
            Array.ForEach(messages, m => errors.Add(field, m));
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return await PosterQueries.PngAsync(() => Task.FromResult(renderer.Render(found.Design with { Layout = layout! }, name, link)));
    }

    private static async Task<Results<Created<PosterTemplateResponse>, ValidationProblem>> Create(
        [FromForm] string? name, IFormFile? background, QunyunDb db, SavePosterTemplate save, CancellationToken ct)
    {
        if (background is null)
        {
            return new FieldErrors().Add("Background", "Upload a PNG or JPEG image.").ToProblem();
        }

        return await save.CreateAsync(db, name, await ReadAsync(background, ct), ct) switch
        {
            PosterChange.Done done => TypedResults.Created($"/api/v1/posters/templates/{done.Template.Id}", await PosterQueries.GetAsync(db, done.Template.Id, ct)),
            PosterChange.Invalid invalid => invalid.Errors.ToProblem(),
            _ => throw new InvalidOperationException("Creating a template cannot miss it."),
        };
    }

    private static async Task<Results<Ok<PosterTemplateResponse>, NotFound, ValidationProblem>> Update(
        Guid id, PosterTemplateRequest request, QunyunDb db, SavePosterTemplate save, CancellationToken ct) =>
        await Answer(await save.UpdateAsync(db, id, request, ct), db, ct);

    private static async Task<Results<Ok<PosterTemplateResponse>, NotFound, ValidationProblem>> ReplaceBackground(
        Guid id, IFormFile? background, [FromForm] bool? invalidateLinks, QunyunDb db, SavePosterTemplate save, CancellationToken ct) =>
        background is null
            ? new FieldErrors().Add("Background", "Upload a PNG or JPEG image.").ToProblem()
            : await Answer(await save.ReplaceBackgroundAsync(db, id, await ReadAsync(background, ct), invalidateLinks ?? false, ct), db, ct);

    private static async Task<Results<NoContent, NotFound>> MakeDefault(Guid id, QunyunDb db, SavePosterTemplate save, CancellationToken ct) =>
        await save.MakeDefaultAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, SavePosterTemplate save, CancellationToken ct) =>
        await save.DeleteAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<PosterUrlResponse>, NotFound, ValidationProblem>> CreateLink(
        PosterForMemberRequest request, QunyunDb db, PosterLinks links, CancellationToken ct)
    {
        var errors = PosterQueries.CheckSample(request.MemberName, request.Link);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var template = request.TemplateId is { } id ? await PosterQueries.GetAsync(db, id, ct) : (await PosterQueries.ListAsync(db, ct)).FirstOrDefault(t => t.IsDefault);
        if (template is null)
        {
            return TypedResults.NotFound();
        }

        if (PosterRenderer.RequiredQrSize(request.Link!) > template.Layout.Qr.Size)
        {
            return errors.Add("Link", $"Too long for this template's {template.Layout.Qr.Size} px QR area.").ToProblem();
        }

        return await links.PosterUrlAsync(db.WorkspaceId, template.Id, request.MemberName ?? "", request.Link!, ct) is { } url
            ? TypedResults.Ok(new PosterUrlResponse(url))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<PosterTemplateResponse>, NotFound, ValidationProblem>> Answer(PosterChange change, QunyunDb db, CancellationToken ct) =>
        change switch
        {
            PosterChange.Done done => TypedResults.Ok((await PosterQueries.GetAsync(db, done.Template.Id, ct))!),
            PosterChange.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };

    // Reads one byte past the limit at most, so an oversized upload is refused without holding all of it.
    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var buffer = new byte[(int)Math.Min(file.Length, PosterBackground.MaxBytes + 1)];
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return buffer;
    }
}
