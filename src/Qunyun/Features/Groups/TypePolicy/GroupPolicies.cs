using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups.TypePolicy;

/// <summary>
/// A group's policy in force: its type's defaults with its own overrides (<see cref="Group.PolicyOverrides"/>) on
/// top. Moderation, the bot, the plan, the digest and the idle-chat guard read it through here.
/// </summary>
public static class GroupPolicies
{
    public static GroupSettings Of(Group group) => GroupSettings.Resolve(group.Type, GroupSettingsJson.Read(group.PolicyOverrides), group.Capacity);

    public static GroupSettings Of(GroupType type, string? overrides, int capacity) => GroupSettings.Resolve(type, GroupSettingsJson.Read(overrides), capacity);
}

/// <summary>
/// The batch-wide view of the policies in force, kept as a stage's warm state (<c>batch.Warm&lt;GroupPolicyCache&gt;()</c>):
/// each group's overrides are read once and kept until the group row changes (which also drops the warm state), so a
/// stage asks per event without parsing or querying.
/// </summary>
public sealed class GroupPolicyCache
{
    private readonly Dictionary<Guid, (GroupType Type, string? Overrides, int Capacity, GroupSettings Settings)> _groups = [];

    public GroupSettings Of(Group group)
    {
        if (_groups.TryGetValue(group.Id, out var known) && known.Type == group.Type && known.Capacity == group.Capacity
            && string.Equals(known.Overrides, group.PolicyOverrides, StringComparison.Ordinal))
        {
            return known.Settings;
        }

        var settings = GroupPolicies.Of(group);
        _groups[group.Id] = (group.Type, group.PolicyOverrides, group.Capacity, settings);
        return settings;
    }
}
