using Qunyun.Engine.Groups;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Merging;

/// <summary>A group membership as the merge sees it.</summary>
public readonly record struct MembershipState(MembershipRole Role, DateTime JoinedAt, DateTime? LeftAt);

/// <summary>A member's counters for one group and day.</summary>
public readonly record struct DayCounts(int Messages, int Reactions, int Interactions)
{
    public static DayCounts operator +(DayCounts a, DayCounts b) =>
        new(a.Messages + b.Messages, a.Reactions + b.Reactions, a.Interactions + b.Interactions);

    public static DayCounts operator -(DayCounts a, DayCounts b) =>
        new(a.Messages - b.Messages, a.Reactions - b.Reactions, a.Interactions - b.Interactions);

    /// <summary>A day row exists only while it counts at least one interaction.</summary>
    public bool IsEmpty => Interactions <= 0;
}

/// <summary>How the two halves of a merged person combine.</summary>
public static class MergeRules
{
    /// <summary>
    /// Both were in the same group: the person joined when the first of them did, holds the higher role, and is
    /// still in the group if either was (otherwise left when the last of them left).
    /// </summary>
    public static MembershipState Combine(MembershipState survivor, MembershipState absorbed) => new(
        survivor.Role >= absorbed.Role ? survivor.Role : absorbed.Role,
        survivor.JoinedAt <= absorbed.JoinedAt ? survivor.JoinedAt : absorbed.JoinedAt,
        survivor.LeftAt is null || absorbed.LeftAt is null ? null : Max(survivor.LeftAt.Value, absorbed.LeftAt.Value));

    /// <summary>
    /// Both carried a tag. Interest weights are sums of decaying contributions of the member's events, and the events
    /// of both now belong to one person, so they add up (as the activity score does). Manual and rule tags are
    /// presence marks (weight 1): adding would invent a weight of 2, so the larger one stays.
    /// </summary>
    public static double CombineTagWeight(double survivor, double absorbed, bool accumulates) =>
        accumulates ? survivor + absorbed : Math.Max(survivor, absorbed);

    /// <summary>Both scores decayed to the same moment (the later of <paramref name="now"/> and their own times) and added.</summary>
    public static ActivityScore CombineScores(ActivityScore survivor, ActivityScore absorbed, DateTime now, TimeSpan halfLife)
    {
        var at = Max(now, Max(survivor.At, absorbed.At));
        return new ActivityScore(survivor.DecayedTo(at, halfLife).Value + absorbed.DecayedTo(at, halfLife).Value, at);
    }

    public static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : Max(a.Value, b.Value);

    public static DateTime Earlier(DateTime a, DateTime b) => a <= b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a >= b ? a : b;
}
