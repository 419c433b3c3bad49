using Qunyun.Engine.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// A stage of the pipeline after identity, membership, rollups and scoring (moderation, bot, incentives, tags,
/// journeys plug in here). Runs inside the batch's transaction: state it changes and the actions it queues with
/// <see cref="PipelineBatch.Enqueue"/> commit together with the event, or not at all. When stages run, the batch's
/// built-in effects (new members, identities, groups, memberships, rollups, scores, each event's member and group) are
/// already written in that transaction, so queries through <see cref="PipelineBatch.Db"/> see them.
/// </summary>
public interface IEventStage
{
    ValueTask ProcessAsync(ProcessedEvent processed, PipelineBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Called once per batch after every event went through <see cref="ProcessAsync"/>, still inside the transaction:
    /// the place for set-based work over the members or groups the batch touched (one query instead of one per event).
    /// </summary>
    ValueTask CompleteBatchAsync(IReadOnlyList<ProcessedEvent> processed, PipelineBatch batch, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}

/// <summary>
/// An event with what the pipeline resolved for it. <see cref="Member"/> and <see cref="Group"/> are untracked rows as
/// the whole batch left them (one instance per member, shared by the member's events); to change a member, write
/// through <see cref="PipelineBatch.Db"/>. <see cref="Membership"/> is the member's membership of the group right after
/// the event, when the event is in a group.
/// </summary>
public sealed record ProcessedEvent(Event Event, EventKind Kind, EventPayload Payload, Member Member, Group? Group, Membership? Membership = null);
