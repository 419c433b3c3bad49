using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Workspaces;

public sealed record WorkspaceResponse(Guid Id, string Slug, string Name, string TimeZone, string DefaultCulture, DateTime CreatedAt);

public static class WorkspacesApi
{
    public static RouteGroupBuilder MapWorkspaces(this RouteGroupBuilder api)
    {
        api.MapGet("/workspace", Current).WithTags("Workspace");
        return api;
    }

    private static async Task<Results<Ok<WorkspaceResponse>, NotFound>> Current(QunyunDb db, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId)
            .Select(w => new WorkspaceResponse(w.Id, w.Slug, w.Name, w.TimeZone, w.DefaultCulture, w.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return workspace is null ? TypedResults.NotFound() : TypedResults.Ok(workspace);
    }
}
