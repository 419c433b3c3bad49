namespace Qunyun.Engine.Pipeline;

/// <summary>One member's day in one group (<see cref="Guid.Empty"/> for events outside any chat), local calendar day.</summary>
public readonly record struct MemberDayKey(Guid MemberId, Guid GroupId, DateOnly Day);

public readonly record struct GroupDayKey(Guid GroupId, DateOnly Day);

/// <summary>What a batch adds to a member day.</summary>
public struct MemberDayCounts
{
    public int Messages;
    public int Reactions;
    public int Interactions;
}

/// <summary>What a batch adds to a group day.</summary>
public struct GroupDayCounts
{
    public int Messages;
    public int Reactions;
    public int Joins;
    public int Leaves;
    public int ActiveMembers;
}
