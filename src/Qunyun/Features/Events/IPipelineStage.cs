namespace Qunyun.Features.Events;

/// <summary>
/// A stage of the pipeline, after the built-in steps (identity, group, membership, rollups, score). It runs once per
/// batch over all of the batch's events (<see cref="PipelineBatch.Events"/>), inside the batch's transaction: what
/// it writes and the actions it queues commit with the events or not at all. How to write one: docs/architecture.md,
/// "How to write a stage".
/// </summary>
public interface IPipelineStage
{
    /// <summary>Its name in <see cref="PipelineStages.Order"/>, which decides when it runs.</summary>
    string Name { get; }

    ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken);
}
