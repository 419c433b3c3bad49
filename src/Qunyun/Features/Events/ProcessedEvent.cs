using Qunyun.Engine.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// An event with what the pipeline resolved for it and what the stages before decided about it. <see cref="Member"/>
/// and <see cref="Group"/> are untracked rows as the whole batch left them (one instance per member, shared by the
/// member's events); to change a member, write through <see cref="PipelineBatch.Db"/>. <see cref="Membership"/> is the
/// member's membership of the group right after the event, when the event is in a group.
/// </summary>
public sealed record ProcessedEvent(Event Event, EventKind Kind, EventPayload Payload, Member Member, Group? Group, Membership? Membership = null)
{
    public EventVerdicts Verdicts { get; } = new();

    /// <summary>Events of one partition are in order within the batch (<see cref="PipelinePartition"/>).</summary>
    public Guid Partition => PipelinePartition.Of(Event);
}

/// <summary>What earlier stages decided about one event; a later stage reads it instead of asking again.</summary>
public sealed class EventVerdicts
{
    /// <summary>The key of the first rule the message broke, when moderation acted on it.</summary>
    public string? ModeratedBy { get; set; }

    public bool Moderated => ModeratedBy is not null;

    /// <summary>What the bot answered with (a command, an FAQ rule), when it answered.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>Points the event earned (a check-in and its streak bonus).</summary>
    public long PointsAwarded { get; set; }

    /// <summary>The member joined a full group and is being removed (no welcome for them).</summary>
    public bool TurnedAway { get; set; }
}
