using CsCheck;
using Qunyun.Engine.Points;

namespace Qunyun.Engine.Tests.Points;

public sealed class CheckInTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Streak_CountsTheUnbrokenRunBeforeToday()
    {
        DateOnly[] days = [Today.AddDays(-1), Today.AddDays(-2), Today.AddDays(-4)];

        Assert.Equal(3, CheckInStreak.EndingOn(days, Today));
    }

    [Fact]
    public void CurrentStreak_SurvivesUntilTheEndOfTheDayAfterTheLastCheckIn()
    {
        DateOnly[] days = [Today.AddDays(-1), Today.AddDays(-2)];

        Assert.Equal(2, CheckInStreak.Current(days, Today));
        Assert.Equal(3, CheckInStreak.Current([.. days, Today], Today));
        Assert.Equal(0, CheckInStreak.Current(days, Today.AddDays(1)));
        Assert.Equal(0, CheckInStreak.Current([], Today));
    }

    [Fact]
    public void Decision_SecondCheckInSameDay_EarnsNothingAndKeepsTheStreak()
    {
        DateOnly[] days = [Today, Today.AddDays(-1)];

        var decision = CheckInDecision.For(days, Today, PointsRules.Default);

        Assert.True(decision.AlreadyToday);
        Assert.Equal(2, decision.Streak);
        Assert.Equal(0, decision.Award.Total);
    }

    [Fact]
    public void Award_EverySeventhConsecutiveDay_AddsTheBonus()
    {
        var rules = PointsRules.Default;

        Assert.Equal([5, 5, 5, 5, 5, 5, 25, 5, 5, 5, 5, 5, 5, 25], Enumerable.Range(1, 14).Select(streak => rules.AwardFor(streak).Total));
        Assert.Equal(new CheckInAward(3, 10), new PointsRules(3, 10, 2).AwardFor(4));
    }

    [Fact]
    public void Rules_OutOfRange_NameTheirFields()
    {
        Assert.Empty(PointsRules.Default.Problems());
        Assert.Equal(["PerCheckIn", "StreakBonus", "BonusEvery"], new PointsRules(-1, 10001, 1).Problems().Select(p => p.Field));
    }

    [Fact]
    public void Streak_NeverExceedsTheDaysCheckedInPlusToday()
    {
        Gen.Int[0, 60].HashSet[0, 40].Sample(offsets =>
        {
            var days = offsets.Select(o => Today.AddDays(-o)).ToList();
            var decision = CheckInDecision.For(days, Today, PointsRules.Default);
            var checkedIn = days.Append(Today).Distinct().Count();
            Assert.InRange(decision.Streak, 1, checkedIn);
            Assert.Equal(days.Contains(Today), decision.AlreadyToday);
        });
    }

    [Fact]
    public void Streak_AfterAGap_StartsAgainAtOne()
    {
        Gen.Int[2, 30].Select(Gen.Int[0, 60].HashSet[0, 40]).Sample((gap, offsets) =>
        {
            // Nothing on the gap - 1 days before today: the earlier days cannot carry over.
            var days = offsets.Select(o => Today.AddDays(-gap - o)).ToList();
            Assert.Equal(1, CheckInStreak.EndingOn(days, Today));
        });
    }

    [Fact]
    public void Balance_IsTheSumOfEntries_AdjustmentsAreBounded()
    {
        Assert.Equal(3_000_000_000L, PointsBalance.Of([int.MaxValue, 852_516_353]));
        Assert.Null(PointsBalance.RefuseAdjustment(10, -10));
        Assert.NotNull(PointsBalance.RefuseAdjustment(10, -11));
        Assert.NotNull(PointsBalance.RefuseAdjustment(10, 0));
        Assert.NotNull(PointsBalance.RefuseAdjustment(10, 100_001));
        Assert.Null(PointsBalance.RefuseAdjustment(10, 100_000));
    }
}
