using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Events;

/// <summary>Deployment settings of the event pipeline (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Days after which a member's activity score halves without new activity.</summary>
    [Range(0.5, 365)]
    public double ActivityHalfLifeDays { get; init; } = 14;

    /// <summary>
    /// Events per transaction. Larger batches spread each batch's fixed cost (reads, commit) thinner; on SQLite a batch
    /// holds the write lock while it runs, and ingest waits behind it, so it stays well under a second.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 2000;

    /// <summary>
    /// Members whose state the single writer keeps warm per workspace; past it the workspace's state starts over (and
    /// fills again with the members that are active), which bounds the process's memory.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int WarmMembers { get; init; } = 200_000;

    /// <summary>Run the background worker (off only for tools that drain the pipeline themselves).</summary>
    public bool RunWorker { get; init; } = true;
}
