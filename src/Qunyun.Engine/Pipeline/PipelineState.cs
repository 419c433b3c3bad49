using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Pipeline;

/// <summary>
/// The part of the database the engine works on, as plain objects keyed the way events name things. The host loads
/// what a batch needs (or keeps it warm between batches); the engine changes it in place and reports every change
/// in <see cref="PipelineEffects"/>.
/// </summary>
public sealed class PipelineState
{
    /// <summary>Channel names, for the default name of a group seen for the first time.</summary>
    public Dictionary<Guid, string> ChannelNames { get; } = [];

    public Dictionary<(Guid Channel, string ExternalUserId), IdentityState> Identities { get; } = [];

    public Dictionary<(Guid Channel, string ExternalGroupId), GroupState> Groups { get; } = [];

    public Dictionary<(Guid Member, Guid Group), MembershipState> Memberships { get; } = [];

    /// <summary>Member days that already have a row: the first interaction of any other day makes the member active that day.</summary>
    public HashSet<MemberDayKey> KnownMemberDays { get; } = [];

    public void Add(IdentityState identity) => Identities[(identity.ChannelId, identity.ExternalUserId)] = identity;

    public void Add(GroupState group) => Groups[(group.ChannelId, group.ExternalId)] = group;

    public void Add(MembershipState membership) => Memberships[(membership.MemberId, membership.GroupId)] = membership;
}

public sealed class MemberState
{
    public required Guid Id { get; init; }
    public required string DisplayName { get; set; }
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? LastActiveAt { get; set; }
    public double ActivityScore { get; set; }
    public DateTime? ActivityScoreAt { get; set; }
    internal Change Pending { get; set; }
}

public sealed class IdentityState
{
    public required Guid Id { get; init; }
    public required MemberState Member { get; init; }
    public required Guid ChannelId { get; init; }
    public required string ExternalUserId { get; init; }
    public required string DisplayName { get; set; }
    public DateTime CreatedAt { get; init; }
    internal Change Pending { get; set; }
}

public sealed class GroupState
{
    public required Guid Id { get; init; }
    public required Guid ChannelId { get; init; }
    public required string ExternalId { get; init; }
    public required string Name { get; init; }
    public GroupType Type { get; init; }
    public int Capacity { get; init; }
    public string SearchText { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}

public sealed class MembershipState
{
    public required Guid Id { get; init; }
    public required Guid MemberId { get; init; }
    public required Guid GroupId { get; init; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LeftAt { get; set; }

    /// <summary>Staff roles come from the stored membership; the pipeline only ever creates plain members.</summary>
    public Groups.MembershipRole Role { get; init; } = Groups.MembershipRole.Member;
    internal Change Pending { get; set; }
}

/// <summary>Which effect lists a state object is already on in the current batch.</summary>
[Flags]
internal enum Change
{
    None = 0,
    New = 1,
    Renamed = 2,
    Active = 4,
    Moved = 8,
}
