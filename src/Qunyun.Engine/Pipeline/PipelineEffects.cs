using System.Runtime.InteropServices;

namespace Qunyun.Engine.Pipeline;

/// <summary>
/// Everything a batch changed, in the shape the host writes it: rows to insert, rows whose listed columns to update,
/// and counts to add to the daily rollups. Each state object appears at most once per list; a new row is never also
/// listed as changed (it is inserted with its final values).
/// </summary>
public sealed class PipelineEffects
{
    public List<MemberState> NewMembers { get; } = [];
    public List<IdentityState> NewIdentities { get; } = [];
    public List<GroupState> NewGroups { get; } = [];
    public List<MembershipState> NewMemberships { get; } = [];

    /// <summary>Existing members whose last activity and score moved.</summary>
    public List<MemberState> ActiveMembers { get; } = [];

    /// <summary>Existing members whose display name or search text changed (an account renamed on its platform).</summary>
    public List<MemberState> RenamedMembers { get; } = [];

    public List<IdentityState> RenamedIdentities { get; } = [];

    /// <summary>Existing memberships whose join or leave time changed.</summary>
    public List<MembershipState> MovedMemberships { get; } = [];

    public Dictionary<MemberDayKey, MemberDayCounts> MemberDays { get; } = [];
    public Dictionary<GroupDayKey, GroupDayCounts> GroupDays { get; } = [];

    /// <summary>Groups whose current member count may have changed.</summary>
    public HashSet<Guid> TouchedGroups { get; } = [];

    internal ref MemberDayCounts MemberDay(MemberDayKey key) =>
        ref CollectionsMarshal.GetValueRefOrAddDefault(MemberDays, key, out _);

    internal ref GroupDayCounts GroupDay(GroupDayKey key) =>
        ref CollectionsMarshal.GetValueRefOrAddDefault(GroupDays, key, out _);

    /// <summary>Clears the marks that keep the lists free of repeats, so the state can go on into the next batch.</summary>
    internal void Seal()
    {
        foreach (var member in NewMembers.Concat(ActiveMembers).Concat(RenamedMembers))
        {
            member.Pending = Change.None;
        }

        foreach (var identity in NewIdentities.Concat(RenamedIdentities))
        {
            identity.Pending = Change.None;
        }

        foreach (var membership in NewMemberships.Concat(MovedMemberships))
        {
            membership.Pending = Change.None;
        }
    }
}
