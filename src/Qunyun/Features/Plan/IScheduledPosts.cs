using Qunyun.Data;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>
/// Posts a feature above the plan sends on each scheduler step (the daily digest), so the scheduler drives them
/// without knowing them. Register with <c>services.AddSingleton&lt;IScheduledPosts&gt;(…)</c>; returns how many were queued.
/// </summary>
public interface IScheduledPosts
{
    Task<int> RunAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken);
}
