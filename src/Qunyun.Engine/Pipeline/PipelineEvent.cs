using Qunyun.Engine.Events;

namespace Qunyun.Engine.Pipeline;

/// <summary>What the engine needs of one stored event: who, where, when, and the few payload fields that matter to it.</summary>
/// <param name="UserDisplayName">The name the platform showed with the event, if it sent one.</param>
/// <param name="GroupName">The chat's name, if the platform sent one (used when the group is first seen).</param>
/// <param name="IsReply">A message that answers another one (weighs more in the activity score).</param>
public readonly record struct PipelineEvent(
    EventKind Kind,
    Guid ChannelId,
    string ExternalUserId,
    string? ExternalGroupId,
    DateTime OccurredAt,
    string? UserDisplayName = null,
    string? GroupName = null,
    bool IsReply = false);

/// <summary>Who and where an event turned out to be: the resolved member and, for events in a chat, the group.</summary>
public readonly record struct Resolution(MemberState Member, GroupState? Group);
