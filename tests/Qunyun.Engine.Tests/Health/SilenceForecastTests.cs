using Qunyun.Engine.Health;

namespace Qunyun.Engine.Tests.Health;

public sealed class SilenceForecastTests
{
    [Theory]
    [InlineData(1, 60.0, 20.0, 45)]
    [InlineData(2, 30.0, 25.0, 40)]
    [InlineData(3, 80.0, 15.0, 40)]
    public void Of_DecayingSeries_PredictsSilenceWithinTheInterval(int seed, double start, double lifetime, int observed)
    {
        var random = new Random(seed);
        var series = Enumerable.Range(0, 90).Select(d => Noisy(start * Math.Exp(-d / lifetime), random)).ToList();
        var trueSilence = Enumerable.Range(0, 200).First(d => start * Math.Exp(-d / lifetime) < SilenceForecast.SilentBelow);

        var forecast = SilenceForecast.Of(series.Take(observed).ToList());

        var remaining = trueSilence - (observed - 1);
        Assert.Equal(ForecastState.Declining, forecast.State);
        Assert.InRange(remaining, forecast.Low!.Value - 2, (forecast.High ?? double.PositiveInfinity) + 2);
        Assert.InRange(forecast.Days!.Value, remaining * 0.6, remaining * 1.6);
        Assert.True(forecast.Low <= forecast.Days && forecast.Days <= (forecast.High ?? double.PositiveInfinity));
        Assert.True(forecast.WeeklyChange < -0.1, $"weekly change {forecast.WeeklyChange}");
    }

    [Fact]
    public void Of_StableNoisySeries_IsNeverAtRisk()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var level = 3 + random.Next(40);
            // Weekends busier, weekdays quieter, and day-to-day noise of about a third of the level.
            var series = Enumerable.Range(0, 90).Select(d => Noisy(level * (d % 7 >= 5 ? 1.3 : 0.9), random)).ToList();

            var forecast = SilenceForecast.Of(series);

            Assert.False(forecast.AtRisk(30), $"seed {seed}, level {level}: {forecast}");
            Assert.NotEqual(ForecastState.Silent, forecast.State);
        }
    }

    [Fact]
    public void Of_GrowingSeries_IsStable()
    {
        var series = Enumerable.Range(0, 60).Select(d => 5 + d / 3).ToList();

        Assert.Equal(ForecastState.Stable, SilenceForecast.Of(series).State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    public void Of_ShortSeries_SaysNotEnoughHistory(int days)
    {
        var forecast = SilenceForecast.Of(Enumerable.Repeat(10, days).ToList());

        Assert.Equal(ForecastState.NotEnoughHistory, forecast.State);
        Assert.Null(forecast.Days);
        Assert.False(forecast.AtRisk(30));
        Assert.Empty(SilenceForecast.Projection(Enumerable.Repeat(10, days).ToList(), 30));
    }

    [Fact]
    public void Of_SevenQuietDays_IsSilentAndAtRisk()
    {
        var series = Enumerable.Repeat(12, 30).Concat([1, 0, 1, 0, 0, 1, 0]).ToList();

        var forecast = SilenceForecast.Of(series);

        Assert.Equal(ForecastState.Silent, forecast.State);
        Assert.Equal(0, forecast.Days);
        Assert.True(forecast.AtRisk(1));
    }

    [Fact]
    public void Of_AllZeros_IsSilentNotAnError()
    {
        var forecast = SilenceForecast.Of(Enumerable.Repeat(0, 90).ToList());

        Assert.Equal(ForecastState.Silent, forecast.State);
    }

    [Fact]
    public void AtRisk_FollowsTheThreshold()
    {
        var series = Enumerable.Range(0, 42).Select(d => (int)Math.Round(40 * Math.Exp(-d / 12.0))).ToList();
        var forecast = SilenceForecast.Of(series);

        Assert.Equal(ForecastState.Declining, forecast.State);
        Assert.True(forecast.AtRisk((int)Math.Ceiling(forecast.Days!.Value)));
        Assert.False(forecast.AtRisk((int)Math.Floor(forecast.Days!.Value) - 1));
    }

    [Fact]
    public void Projection_StartsAtTheFittedLevelAndFalls()
    {
        var series = Enumerable.Range(0, 42).Select(d => (int)Math.Round(40 * Math.Exp(-d / 12.0))).ToList();

        var projection = SilenceForecast.Projection(series, 20);

        Assert.Equal(21, projection.Count);
        Assert.InRange(projection[0], 1, 5);
        Assert.True(projection.Zip(projection.Skip(1)).All(p => p.Second <= p.First));
    }

    /// <summary>A Poisson-like count around the mean (normal approximation, never negative).</summary>
    private static int Noisy(double mean, Random random)
    {
        var u = 1 - random.NextDouble();
        var gaussian = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(0, (int)Math.Round(mean + gaussian * Math.Sqrt(Math.Max(mean, 0.5))));
    }
}
