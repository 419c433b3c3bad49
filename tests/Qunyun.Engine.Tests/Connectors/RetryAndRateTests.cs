using CsCheck;
using Qunyun.Engine.Connectors;

namespace Qunyun.Engine.Tests.Connectors;

public sealed class RetryAndRateTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Fact]
    public void Backoff_IsBetweenHalfAndAllOfTheCappedExponential() =>
        Gen.Select(Gen.Int[1, 60], Gen.Double[0, 0.999999]).Sample((failures, jitter) =>
        {
            var full = Math.Min(Max.TotalSeconds, Base.TotalSeconds * Math.Pow(2, failures - 1));
            var delay = RetryBackoff.Delay(failures, jitter, Base, Max).TotalSeconds;
            return delay >= full / 2 - 1e-9 && delay <= full + 1e-9;
        });

    [Fact]
    public void Backoff_GrowsThenCaps()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RetryBackoff.Delay(1, 1, Base, Max));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryBackoff.Delay(3, 1, Base, Max));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryBackoff.Delay(3, 0, Base, Max));
        Assert.Equal(Max, RetryBackoff.Delay(40, 1, Base, Max));
    }

    [Fact]
    public void TokenBucket_TwentyPerMinute_BurstThenOneEveryThreeSeconds()
    {
        var start = new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);
        var bucket = new TokenBucket(20, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 20; i++)
        {
            Assert.True(bucket.CanTake(start));
            bucket.Take(start);
        }

        Assert.False(bucket.CanTake(start));
        Assert.Equal(start.AddSeconds(3), bucket.NextTokenAt(start));
        Assert.False(bucket.CanTake(start.AddSeconds(2.9)));
        Assert.True(bucket.CanTake(start.AddSeconds(3)));
        Assert.True(bucket.CanTake(start.AddHours(1)));
        Assert.Equal(start.AddHours(1), bucket.NextTokenAt(start.AddHours(1)));
    }
}
