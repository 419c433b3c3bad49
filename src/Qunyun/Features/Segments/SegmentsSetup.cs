using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Segments.TopicGroups;

namespace Qunyun.Features.Segments;

public static class SegmentsSetup
{
    public static IHostApplicationBuilder AddSegments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SegmentEvaluator>();
        builder.Services.AddScoped<SegmentExport>();
        builder.Services.AddScoped<SaveSegment>();
        builder.Services.AddScoped<CreateTopicGroups>();
        return builder;
    }

    /// <summary>
    /// The console's CSV download: the same export as the API, behind the sign-in cookie, because a browser download
    /// is a plain GET that cannot carry an API key (and streaming it through the circuit would hold the whole file).
    /// The context comes from the factory: the request's scoped one was already made, unscoped, while the cookie was
    /// validated (Identity's user store asks for it before the user is known).
    /// </summary>
    public static IEndpointRouteBuilder MapSegmentDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console/segments/{id:guid}/export.csv", async (
                Guid id, HttpContext http, QunyunDbFactory factory, SegmentExport export, CancellationToken cancellationToken) =>
            {
                var workspaceId = http.User.WorkspaceId();
                await using var db = factory.Create(workspaceId);
                var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
                return segment is null ? Results.NotFound() : export.Result(workspaceId, segment, cancellationToken);
            })
            .RequireAuthorization(Policies.Read)
            .ExcludeFromDescription();
        return app;
    }
}
