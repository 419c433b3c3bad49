using Qunyun.Engine.Simulation;

namespace Qunyun.Engine.Tests.Simulation;

public sealed class DailyRhythmTests
{
    [Theory]
    [InlineData(DayOfWeek.Tuesday)]
    [InlineData(DayOfWeek.Saturday)]
    public void HourWeight_LunchAndEvening_AreThePeaks(DayOfWeek day)
    {
        var weights = Enumerable.Range(0, 24).Select(h => DailyRhythm.HourWeight(h, day)).ToArray();
        var night = weights[0..6].Max();
        var afternoon = weights[15];

        Assert.All(new[] { 12, 20, 21 }, h => Assert.True(weights[h] > 5 * night && weights[h] > 1.4 * afternoon, $"hour {h}"));
        Assert.Equal(21, Array.IndexOf(weights, weights.Max()));
        Assert.True(weights[12] > weights[11] && weights[12] > weights[14], "a lunch peak, not a plateau");
    }

    [Theory]
    [InlineData(DayOfWeek.Wednesday)]
    [InlineData(DayOfWeek.Sunday)]
    public void SampleTimeOfDay_ManyDraws_FollowTheHourlyWeights(DayOfWeek day)
    {
        var random = new Random(7);
        var hours = new int[24];
        for (var i = 0; i < 100_000; i++)
        {
            var time = DailyRhythm.SampleTimeOfDay(random, day);
            Assert.InRange(time, TimeSpan.Zero, TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));
            hours[time.Hours]++;
        }

        var lunch = hours[12] + hours[13];
        var evening = hours[20] + hours[21];
        var night = hours[2] + hours[3] + hours[4] + hours[5];
        Assert.True(lunch > 10 * night, $"lunch {lunch} vs night {night}");
        Assert.True(evening > 10 * night, $"evening {evening} vs night {night}");
        var total = Enumerable.Range(0, 24).Sum(h => DailyRhythm.HourWeight(h, day));
        Assert.InRange(hours[21] / 100_000.0, 0.9 * DailyRhythm.HourWeight(21, day) / total, 1.1 * DailyRhythm.HourWeight(21, day) / total);
    }

    [Fact]
    public void DayFactor_WeekendIsBusierThanMonday()
    {
        Assert.True(DailyRhythm.DayFactor(DayOfWeek.Saturday) > DailyRhythm.DayFactor(DayOfWeek.Wednesday));
        Assert.True(DailyRhythm.DayFactor(DayOfWeek.Sunday) > DailyRhythm.DayFactor(DayOfWeek.Monday));
        Assert.InRange(Enum.GetValues<DayOfWeek>().Average(DailyRhythm.DayFactor), 0.95, 1.05);
    }
}
