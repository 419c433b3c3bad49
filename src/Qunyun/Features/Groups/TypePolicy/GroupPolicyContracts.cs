using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups.TypePolicy;

/// <summary>A group's policy in force, field by field: the value, what its type would give, and whether the group overrides it.</summary>
public sealed record GroupPolicyResponse(Guid GroupId, GroupType Type, IReadOnlyList<GroupPolicyFieldResponse> Fields);

/// <param name="Field">The field's API name (voice, moderation, capacity, welcome, …), as PUT takes it.</param>
/// <param name="Value">The value in force.</param>
/// <param name="Inherited">What the group's type gives; the value returns to it when the override is cleared.</param>
public sealed record GroupPolicyFieldResponse(string Field, object Value, object Inherited, bool Overridden);
