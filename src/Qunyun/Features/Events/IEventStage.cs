using Qunyun.Engine.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// A stage of the pipeline after identity, membership, rollups and scoring (moderation, bot, incentives, tags,
/// journeys plug in here). Runs inside the batch's transaction: state it changes and the actions it queues with
/// <see cref="PipelineBatch.Enqueue"/> commit together with the event, or not at all.
/// </summary>
public interface IEventStage
{
    ValueTask ProcessAsync(ProcessedEvent processed, PipelineBatch batch, CancellationToken cancellationToken);
}

/// <summary>An event with what the pipeline resolved for it.</summary>
public sealed record ProcessedEvent(Event Event, EventKind Kind, EventPayload Payload, Member Member, Group? Group);
