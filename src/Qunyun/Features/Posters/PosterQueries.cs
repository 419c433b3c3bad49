using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Posters;

/// <summary>Reads of the workspace's templates, and drawing a poster as an HTTP answer (API, console and public URL alike).</summary>
public static class PosterQueries
{
    public static Task<List<PosterTemplateResponse>> ListAsync(QunyunDb db, CancellationToken cancellationToken) =>
        Responses(db, db.PosterTemplates.AsNoTracking().OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name)).ToListAsync(cancellationToken);

    public static Task<PosterTemplateResponse?> GetAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        Responses(db, db.PosterTemplates.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The template's design, or null when the workspace has no such template.</summary>
    public static async Task<(PosterDesign Design, int Version)?> DesignAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        await db.PosterTemplates.AsNoTracking().Where(t => t.Id == id).FirstOrDefaultAsync(cancellationToken) is { } t ? (PosterDesign.Of(t), t.Version) : null;

    /// <summary>A PNG, a 400 naming Link when the link does not fit the QR area, or a 503 naming the font package to install.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> PngAsync(
        Func<Task<byte[]>> render, string? downloadName = null)
    {
        try
        {
            return TypedResults.File(await render(), "image/png", downloadName);
        }
        catch (PosterLinkTooLongException e)
        {
            return new FieldErrors().Add("Link", e.Message).ToProblem();
        }
        catch (PosterFontMissingException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No Chinese font", detail: e.Message);
        }
    }

    public static FieldErrors CheckSample(string? memberName, string? link) =>
        new FieldErrors()
            .AddIf(!PosterRules.IsLink(link), "Link", $"An http or https address of at most {PosterRules.MaxLinkLength} characters.")
            .AddIf((memberName?.Length ?? 0) > PosterRules.MaxMemberNameLength, "MemberName", $"At most {PosterRules.MaxMemberNameLength} characters.");

    private static IQueryable<PosterTemplateResponse> Responses(QunyunDb db, IQueryable<PosterTemplate> templates) =>
        templates.Select(t => new PosterTemplateResponse(
            t.Id, t.Name, t.IsDefault, t.Width, t.Height,
            new PosterLayout(t.BrandChinese, t.ChineseBox, t.BrandEnglish, t.EnglishBox, t.NameBox, t.Qr),
            t.Version, db.PosterLinks.Count(l => l.TemplateId == t.Id), t.UpdatedAt));
}
