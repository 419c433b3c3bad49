using Qunyun.Engine.Referrals;

namespace Qunyun.Engine.Tests.Referrals;

public sealed class ReferralJudgeTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly JudgeSettings Settings = new(StayDays: 7, BurstCount: 3, BurstMinutes: 10);
    private static readonly Guid Ana = Guid.NewGuid(), Bo = Guid.NewGuid(), Cai = Guid.NewGuid(), Dan = Guid.NewGuid(), Eve = Guid.NewGuid();

    private static HelpFact Help(Guid inviter, Guid helper, double hours, double? leftHours = null, bool known = false, bool active = true) =>
        new(Guid.NewGuid(), inviter, helper, Start.AddHours(hours), leftHours is { } l ? Start.AddHours(l) : null, known, active);

    private static HelpVerdict Of(IReadOnlyList<HelpVerdict> verdicts, HelpFact help) => verdicts.Single(v => v.Id == help.Id);

    [Fact]
    public void Judge_FriendWhoStayedTheWindow_IsValidOnlyOnceItPassed()
    {
        var help = Help(Ana, Bo, 0);

        var before = ReferralJudge.Judge([help], Settings, Start.AddDays(7).AddMinutes(-1));
        var after = ReferralJudge.Judge([help], Settings, Start.AddDays(7));

        Assert.Equal(HelpStatus.Pending, Of(before, help).Status);
        Assert.Equal(HelpStatus.Valid, Of(after, help).Status);
        Assert.Equal(Start.AddDays(7), Of(after, help).ValidFrom);
    }

    [Fact]
    public void Judge_FriendWhoLeftInsideTheWindow_IsRevoked_WhileLeavingAfterItKeepsTheHelp()
    {
        var early = Help(Ana, Bo, 0, leftHours: 24 * 6);
        var late = Help(Ana, Cai, 0, leftHours: 24 * 8);

        var verdicts = ReferralJudge.Judge([early, late], Settings, Start.AddDays(9));

        Assert.Equal((HelpStatus.Revoked, HelpReason.LeftEarly), (Of(verdicts, early).Status, Assert.Single(Of(verdicts, early).Reasons)));
        Assert.Equal(HelpStatus.Valid, Of(verdicts, late).Status);
    }

    [Fact]
    public void Judge_SamePersonOnBothEnds_IsFlaggedAsSelfReferral()
    {
        var self = Help(Ana, Ana, 0);

        var verdict = Assert.Single(ReferralJudge.Judge([self], Settings, Start.AddDays(8)));

        Assert.Equal(HelpStatus.Flagged, verdict.Status);
        Assert.Equal([HelpReason.SelfReferral], verdict.Reasons);
    }

    [Fact]
    public void Judge_HelperAlreadyKnown_DoesNotCount()
    {
        var known = Help(Ana, Bo, 0, known: true);

        var verdict = Assert.Single(ReferralJudge.Judge([known], Settings, Start.AddDays(8)));

        Assert.Equal((HelpStatus.NotCounted, HelpReason.AlreadyMember), (verdict.Status, Assert.Single(verdict.Reasons)));
    }

    [Fact]
    public void Judge_HelperBroughtByTwoInviters_CountsForTheFirstBindingOnly()
    {
        var second = Help(Cai, Bo, 5);
        var first = Help(Ana, Bo, 1);

        var verdicts = ReferralJudge.Judge([second, first], Settings, Start.AddDays(8));

        Assert.Equal(HelpStatus.Valid, Of(verdicts, first).Status);
        Assert.Equal((HelpStatus.NotCounted, HelpReason.AlreadyBound), (Of(verdicts, second).Status, Assert.Single(Of(verdicts, second).Reasons)));
    }

    [Fact]
    public void Judge_AccountsInvitingEachOtherInACycle_AreFlaggedAsARing_ButTheTreeAroundThemIsNot()
    {
        // Ana → Bo → Cai → Ana is a ring; Ana → Dan and Dan → Eve hang off it and stay clean.
        var ab = Help(Ana, Bo, 0);
        var bc = Help(Bo, Cai, 1);
        var ca = Help(Cai, Ana, 2);
        var ad = Help(Ana, Dan, 3);
        var de = Help(Dan, Eve, 4);

        var verdicts = ReferralJudge.Judge([ab, bc, ca, ad, de], Settings, Start.AddDays(8));

        Assert.All([ab, bc, ca], h => Assert.Contains(HelpReason.Ring, Of(verdicts, h).Reasons));
        Assert.All([ab, bc, ca], h => Assert.Equal(HelpStatus.Flagged, Of(verdicts, h).Status));
        Assert.Equal(HelpStatus.Valid, Of(verdicts, ad).Status);
        Assert.Equal(HelpStatus.Valid, Of(verdicts, de).Status);
    }

    [Fact]
    public void Judge_TwoAccountsInvitingEachOther_AreARing()
    {
        var ab = Help(Ana, Bo, 0);
        var ba = Help(Bo, Ana, 1);

        Assert.Equal(2, ReferralJudge.RingEdges([ab, ba]).Count);
    }

    [Fact]
    public void Judge_ManyNewAccountsFromOneInviterWithinMinutes_IsABurst_SpreadOutIsNot()
    {
        var fast = Enumerable.Range(0, 3).Select(i => Help(Ana, Guid.NewGuid(), i * 4 / 60.0)).ToList(); // 0, 4, 8 minutes
        var slow = Enumerable.Range(0, 3).Select(i => Help(Bo, Guid.NewGuid(), i * 6 / 60.0)).ToList(); // 0, 6, 12 minutes: never 3 in 10

        var verdicts = ReferralJudge.Judge([.. fast, .. slow], Settings, Start.AddDays(8));

        Assert.All(fast, h => Assert.Equal([HelpReason.Burst], Of(verdicts, h).Reasons));
        Assert.All(slow, h => Assert.Equal(HelpStatus.Valid, Of(verdicts, h).Status));
    }

    [Fact]
    public void Judge_BurstCountsOnlyNewAccounts()
    {
        var joins = new[] { Help(Ana, Bo, 0), Help(Ana, Cai, 0.05, known: true), Help(Ana, Dan, 0.1) };

        var verdicts = ReferralJudge.Judge(joins, Settings, Start.AddDays(8));

        Assert.DoesNotContain(verdicts, v => v.Reasons.Contains(HelpReason.Burst));
    }

    [Fact]
    public void Judge_HelperSilentAfterJoining_IsFlaggedWhenTheWindowEnds()
    {
        var silent = Help(Ana, Bo, 0, active: false);

        var during = Assert.Single(ReferralJudge.Judge([silent], Settings, Start.AddDays(3)));
        var after = Assert.Single(ReferralJudge.Judge([silent], Settings, Start.AddDays(7)));

        Assert.Equal(HelpStatus.Pending, during.Status);
        Assert.Equal((HelpStatus.Flagged, HelpReason.NoActivity), (after.Status, Assert.Single(after.Reasons)));
    }

    [Fact]
    public void RingEdges_LongChainWithoutCycle_FindsNone()
    {
        var people = Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToList();
        var chain = people.Zip(people.Skip(1), (a, b) => Help(a, b, 0)).ToList();

        Assert.Empty(ReferralJudge.RingEdges(chain));
    }
}
