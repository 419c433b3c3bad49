using CsCheck;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Merging;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Tests.Merging;

public sealed class MergeRulesTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(14);

    [Fact]
    public void Combine_SameGroup_KeepsEarliestJoinAndHighestRole()
    {
        var survivor = new MembershipState(MembershipRole.Member, Start.AddDays(10), null);
        var absorbed = new MembershipState(MembershipRole.Admin, Start, Start.AddDays(5));

        var combined = MergeRules.Combine(survivor, absorbed);

        Assert.Equal(new MembershipState(MembershipRole.Admin, Start, null), combined);
    }

    [Fact]
    public void Combine_BothLeft_LeftWhenTheLastLeft()
    {
        var combined = MergeRules.Combine(
            new MembershipState(MembershipRole.Member, Start, Start.AddDays(3)),
            new MembershipState(MembershipRole.Member, Start.AddDays(1), Start.AddDays(7)));

        Assert.Equal(Start.AddDays(7), combined.LeftAt);
    }

    [Fact]
    public void Combine_IsSymmetric()
    {
        var day = Gen.Int[0, 100].Select(d => Start.AddDays(d));
        var left = Gen.Select(Gen.Bool, day, (stays, at) => stays ? (DateTime?)null : at);
        var state = Gen.Select(Gen.Enum<MembershipRole>(), day, left, (role, joined, gone) => new MembershipState(role, joined, gone));
        Gen.Select(state, state).Sample((a, b) =>
            Assert.Equal(MergeRules.Combine(a, b), MergeRules.Combine(b, a)));
    }

    [Fact]
    public void CombineTagWeight_InterestAdds_PresenceKeepsTheLarger()
    {
        Assert.Equal(5.5, MergeRules.CombineTagWeight(2, 3.5, accumulates: true));
        Assert.Equal(1, MergeRules.CombineTagWeight(1, 1, accumulates: false));
    }

    [Fact]
    public void CombineScores_DecaysBothToNowAndAdds()
    {
        var survivor = new ActivityScore(8, Start);
        var absorbed = new ActivityScore(4, Start + HalfLife);

        var combined = MergeRules.CombineScores(survivor, absorbed, Start + HalfLife * 2, HalfLife);

        Assert.Equal(Start + HalfLife * 2, combined.At);
        Assert.Equal(2 + 2, combined.Value, 9);
    }

    [Fact]
    public void CombineScores_EqualsScoringAllEventsOnOneMember()
    {
        var events = Gen.Select(Gen.Int[0, 60 * 24 * 60], Gen.Double[0, 3]).Array[1, 20];
        Gen.Select(events, events).Sample((mine, theirs) =>
        {
            static ActivityScore Score(IEnumerable<(int Minutes, double Weight)> events, ActivityScore start) =>
                events.Aggregate(start, (s, e) => s.Add(e.Weight, Start.AddMinutes(e.Minutes), HalfLife));
            var zero = new ActivityScore(0, Start);
            var now = Start.AddDays(90);

            var merged = MergeRules.CombineScores(Score(mine, zero), Score(theirs, zero), now, HalfLife);
            var together = Score(mine.Concat(theirs), zero).DecayedTo(now, HalfLife);

            Assert.Equal(together.Value, merged.Value, 9);
        });
    }

    [Fact]
    public void RollupCounts_FollowTheKind()
    {
        Assert.Equal(new DayCounts(1, 0, 1), RollupCounts.Of(EventKind.Message));
        Assert.Equal(new DayCounts(0, 1, 1), RollupCounts.Of(EventKind.Reaction));
        Assert.Equal(new DayCounts(0, 0, 1), RollupCounts.Of(EventKind.Purchase));
        Assert.True(RollupCounts.Of(EventKind.MemberJoined).IsEmpty);
    }
}
