using Qunyun.Engine.Groups;
using Qunyun.Engine.Health;

namespace Qunyun.Engine.Tests.Health;

public sealed class HealthScoreTests
{
    private static readonly DateOnly First = new(2026, 9, 1);

    [Theory]
    [InlineData(GroupType.LongTerm)]
    [InlineData(GroupType.ProductFeedback)]
    [InlineData(GroupType.ShortTerm)]
    [InlineData(GroupType.FanSelfOrganized)]
    public void Norms_WeightsAddUpToAHundred(GroupType type) =>
        Assert.Equal(100, HealthNorms.For(type).Values.Sum(n => n.Weight));

    [Fact]
    public void Of_ALivelyGroupWithinItsNorms_ScoresAHundredAndNamesNoDrag()
    {
        var inputs = new HealthInputs(GroupType.LongTerm, 100, Days(28, _ => 20, joins: 1), new HealthSignals(0.7, 0.1, 0.15, 10, 0.01));

        var score = HealthScore.Of(inputs);

        Assert.Equal(100, score.Score);
        Assert.Null(score.MainDrag);
        Assert.Equal(8, score.Factors.Count);
    }

    [Fact]
    public void Of_SlowAnswers_CostTheAnswerFactorAndNameIt()
    {
        var inputs = new HealthInputs(GroupType.LongTerm, 100, Days(28, _ => 20, joins: 1), new HealthSignals(0.7, 0.1, 0.15, 240, 0.01));

        var score = HealthScore.Of(inputs);

        Assert.Equal(90, score.Score);
        Assert.Equal(HealthFactor.AnswerTime, score.MainDrag!.Factor);
        Assert.Equal(240, score.MainDrag.Value);
        Assert.Equal(10, score.MainDrag.PointsLost, 6);
    }

    [Fact]
    public void Of_SameStaffShare_IsFineForALongTermGroupButCostsAFanGroup()
    {
        var signals = new HealthSignals(StaffShare: 0.3);
        var days = Days(28, _ => 20);

        var longTerm = HealthScore.Of(new HealthInputs(GroupType.LongTerm, 100, days, signals));
        var fans = HealthScore.Of(new HealthInputs(GroupType.FanSelfOrganized, 100, days, signals));

        Assert.Equal(0, longTerm.Factors.Single(f => f.Factor == HealthFactor.StaffShare).PointsLost);
        Assert.True(fans.Factors.Single(f => f.Factor == HealthFactor.StaffShare).PointsLost > 0);
        Assert.True(fans.Score < longTerm.Score);
    }

    [Fact]
    public void Of_ActivityHalving_CostsTheTrend()
    {
        var inputs = new HealthInputs(GroupType.LongTerm, 100, Days(28, d => d < 14 ? 20 : 8), new HealthSignals());

        var trend = HealthScore.Of(inputs).Factors.Single(f => f.Factor == HealthFactor.ActivityTrend);

        Assert.Equal(0.4, trend.Value, 6);
        Assert.True(trend.PointsLost > 0);
    }

    [Fact]
    public void Of_NoDays_ScoresOnlyWhatItCanMeasure()
    {
        var score = HealthScore.Of(new HealthInputs(GroupType.FanSelfOrganized, 0, [], new HealthSignals()));

        Assert.Equal(0, score.Score);
        Assert.Empty(score.Factors);
    }

    [Fact]
    public void Of_MissingFactors_ShareTheirWeight()
    {
        var score = HealthScore.Of(new HealthInputs(GroupType.LongTerm, 100, Days(10, _ => 0), new HealthSignals()));

        Assert.Equal([HealthFactor.Participation, HealthFactor.NetGrowth], score.Factors.Select(f => f.Factor).Order());
        Assert.Equal(33, score.Score); // participation 0 of 20, growth 10 of 10: 10 / 30
    }

    [Fact]
    public void Norm_Fraction_IsLinearBetweenBadAndGood()
    {
        var band = HealthNorm.Between(0, 0.1, 0.3, 0.5, 10);

        Assert.Equal(0, band.Fraction(0));
        Assert.Equal(0.5, band.Fraction(0.05), 6);
        Assert.Equal(1, band.Fraction(0.2));
        Assert.Equal(0.5, band.Fraction(0.4), 6);
        Assert.Equal(0, band.Fraction(0.9));
    }

    private static List<HealthDay> Days(int count, Func<int, int> active, int joins = 0) =>
        [.. Enumerable.Range(0, count).Select(d => new HealthDay(First.AddDays(d), active(d) * 3, active(d), joins, 0))];
}
