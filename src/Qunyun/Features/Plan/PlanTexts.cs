using Qunyun.Data;
using Qunyun.Features.Groups;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>The text an entry posts into a group: the library item's text, or the entry's own text.</summary>
public sealed class PlanTexts
{
    public Task<string> RenderAsync(QunyunDb db, Workspace workspace, PlanEntry entry, Group group, CancellationToken cancellationToken) =>
        Task.FromResult(entry.ContentItem is { } item ? item.MessageText() : entry.Text ?? entry.Title);
}
