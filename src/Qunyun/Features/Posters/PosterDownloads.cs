using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Posters;

/// <summary>
/// Poster images outside the API: the public <c>/posters/{token}.png</c> (no sign-in, rate-limited per client) and
/// the console's preview and download, plain GETs on the sign-in cookie so an &lt;img&gt; or a download can load them.
/// </summary>
public static class PosterDownloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapPosterDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(PosterLinks.Route + "/{token}.png", PublicAsync).AllowAnonymous().ExcludeFromDescription();
        var console = app.MapGroup("/console/posters").ExcludeFromDescription().RequireAuthorization(new AuthorizeAttribute { Policy = Policies.Read });
        console.MapGet("/{id:guid}/preview.png", PreviewAsync);
        console.MapGet("/{id:guid}/download", DownloadAsync);
        return app;
    }

    /// <summary>The editor's unsaved layout, carried in the preview image's address.</summary>
    public static string EncodeLayout(PosterLayout layout) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(layout, Json));

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> PublicAsync(
        string token, HttpContext http, PosterRateLimiter limiter, QunyunDbFactory factory, PosterImages images, CancellationToken ct)
    {
        if (!limiter.TryAcquire(http))
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "Try again in a minute.");
        }

        if (!PosterLinks.IsToken(token))
        {
            return TypedResults.NotFound();
        }

        await using var db = factory.CreateUnscoped();
        var link = await db.PosterLinks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Token == token, ct);
        var version = link is null ? null
            : await db.PosterTemplates.IgnoreQueryFilters().Where(t => t.Id == link.TemplateId && t.WorkspaceId == link.WorkspaceId).Select(t => (int?)t.Version).FirstOrDefaultAsync(ct);
        if (link is null || version is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        if (images.TryGetCached(link.TemplateId, version.Value, link.Key, out var cached))
        {
            return TypedResults.File(cached, "image/png");
        }

        var template = await db.PosterTemplates.IgnoreQueryFilters().AsNoTracking().FirstAsync(t => t.Id == link.TemplateId, ct);
        return await PosterQueries.PngAsync(() => images.GetAsync(template.Id, template.Version, PosterDesign.Of(template), link.MemberName, link.Link, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> PreviewAsync(
        Guid id, string? layout, string? name, string? link, HttpContext http, QunyunDbFactory factory, PosterRenderer renderer, CancellationToken ct)
    {
        if (await DesignAsync(http, factory, id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var design = found.Design;
        if (layout is not null)
        {
            if (Decode(layout) is not { } edited)
            {
                return new FieldErrors().Add("Layout", "Not a poster layout.").ToProblem();
            }

            if (PosterRules.Check(edited, design.Width, design.Height) is { Any: true } errors)
            {
                return errors.ToProblem();
            }

            design = design with { Layout = edited };
        }

        return await DrawAsync(() => Task.FromResult(renderer.Render(design, name ?? PosterSamples.MemberName, link ?? PosterSamples.Link)), name, link ?? PosterSamples.Link, null);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> DownloadAsync(
        Guid id, string? name, string? link, HttpContext http, QunyunDbFactory factory, PosterImages images, CancellationToken ct)
    {
        if (await DesignAsync(http, factory, id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var memberName = PosterRules.CleanName(name);
        var fileName = $"poster-{(memberName.Length > 0 ? memberName : "member")}.png";
        return await DrawAsync(() => images.GetAsync(id, found.Version, found.Design, memberName, link!, ct), name, link, fileName);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> DrawAsync(
        Func<Task<byte[]>> render, string? name, string? link, string? fileName)
    {
        if (PosterQueries.CheckSample(name, link) is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        return await PosterQueries.PngAsync(render, fileName);
    }

    // The request's scoped context was made unscoped while the cookie was validated (Identity's user store needs one
    // before the user is known), so the console's endpoints open their own for the signed-in user's workspace.
    private static async Task<(PosterDesign Design, int Version)?> DesignAsync(HttpContext http, QunyunDbFactory factory, Guid id, CancellationToken ct)
    {
        await using var db = factory.Create(http.User.WorkspaceId());
        return await PosterQueries.DesignAsync(db, id, ct);
    }

    private static PosterLayout? Decode(string layout)
    {
        try
        {
            return JsonSerializer.Deserialize<PosterLayout>(Base64Url.DecodeFromChars(layout), Json);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
