using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qunyun.Localization;

namespace Qunyun.Features.LiveCodes;

/// <summary>
/// The public side of a pool: /j/{slug} sends a scan on to its group (302 to the join link, or a page with the group's
/// current QR code), or shows the landing page when the pool is full or paused. Nothing here names an id, a workspace
/// or another pool; an unknown slug gets the same page whichever workspace's it might have been.
/// </summary>
public static class LiveCodeLinks
{
    public const string RateLimit = "live-codes";
    public const string VisitorCookie = "qy_v";

    public static void AddLiveCodeRateLimit(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(RateLimit, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<LiveCodeOptions>>().Value.ScansPerClientPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/j"))
            {
                var strings = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Html(LiveCodeLanding.TooMany(strings, Culture()), StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            }
        };
    });

    public static IEndpointRouteBuilder MapLiveCodeLinks(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/j").RequireRateLimiting(RateLimit).AllowAnonymous().ExcludeFromDescription();
        links.MapGet("/{slug}", Scan);
        links.MapGet("/{slug}/qr/{imageKey}", Image);
        return app;
    }

    private static async Task<IResult> Scan(
        string slug, string? s, string? r, HttpContext http, LiveCodeRoutes routes, LiveCodeScanWriter writer, TimeProvider clock,
        IStringLocalizer<Strings> strings, CancellationToken cancellationToken)
    {
        var route = LiveCodeRules.IsSlug(slug) ? await routes.FindAsync(slug, cancellationToken) : null;
        if (route is null)
        {
            return Html(LiveCodeLanding.NotFound(strings, Culture()), StatusCodes.Status404NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var visitor = VisitorOf(http);
        var taken = route.Paused ? null : (await routes.SeatsAsync(route.WorkspaceId, route.PoolId)).Take(route, visitor, now);
        var outcome = route.Paused ? ScanOutcome.Paused : taken is null ? ScanOutcome.Full : taken.Value.Group.NeedsQr ? ScanOutcome.ShownQr : ScanOutcome.Redirected;
        writer.Enqueue(new LiveCodeScan
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            WorkspaceId = route.WorkspaceId,
            PoolId = route.PoolId,
            PoolGroupId = taken?.Group.PoolGroupId,
            VisitorId = visitor,
            NewSeat = taken?.NewSeat == true,
            Outcome = outcome,
            Source = LiveCodeRules.Tag(s),
            Referral = LiveCodeRules.Tag(r),
            At = now,
        });
        http.Response.Headers.CacheControl = "no-store";
        return outcome switch
        {
            ScanOutcome.Redirected => Results.Redirect(taken!.Value.Group.JoinUrl!),
            ScanOutcome.ShownQr => Html(LiveCodeLanding.Qr(strings, Culture(), route, taken!.Value.Group, $"/j/{slug}/qr/{taken.Value.Group.ImageKey}")),
            _ => Html(LiveCodeLanding.Closed(strings, Culture(), route, outcome == ScanOutcome.Paused)),
        };
    }

    private static async Task<IResult> Image(string slug, string imageKey, LiveCodeRoutes routes, Data.QunyunDbFactory factory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var route = LiveCodeRules.IsSlug(slug) ? await routes.FindAsync(slug, cancellationToken) : null;
        var group = route?.Groups.FirstOrDefault(g => g.ImageKey == imageKey && g.QrExpiresAt > clock.GetUtcNow().UtcDateTime);
        if (route is null || group is null)
        {
            return Results.NotFound();
        }

        await using var db = factory.Create(route.WorkspaceId);
        var image = await LiveCodeQr.UploadedAsync(db, group.PoolGroupId, cancellationToken);
        return image is null ? Results.NotFound() : Results.File(image.Value.Bytes, image.Value.ContentType);
    }

    private static string VisitorOf(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(VisitorCookie, out var known) && known is { Length: 22 } && LiveCodeRules.IsSlug(known))
        {
            return known;
        }

        var visitor = LiveCodeRules.RandomKey();
        http.Response.Cookies.Append(VisitorCookie, visitor, new CookieOptions
        {
            Path = "/j",
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        return visitor;
    }

    private static CultureInfo Culture() => CultureInfo.CurrentUICulture;

    private static IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", null, status);
}
