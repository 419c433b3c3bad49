namespace Qunyun.Data;

/// <summary>
/// A row the pipeline keeps warm in memory between batches (workspaces, channels, members, identities, groups,
/// memberships). Any write to such a table outside the pipeline raises the workspace's <see cref="PipelineVersion"/>,
/// so the pipeline's cache reloads instead of writing for a member that was merged away.
/// </summary>
public interface IPipelineStateRow;
