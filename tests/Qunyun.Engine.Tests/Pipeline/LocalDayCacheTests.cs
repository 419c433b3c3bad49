using CsCheck;
using Qunyun.Engine.Pipeline;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Tests.Pipeline;

public sealed class LocalDayCacheTests
{
    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")] // half-hour daylight saving, switching at 15:30 UTC
    [InlineData("Asia/Kathmandu")]
    public void Of_AnyInstants_MatchesTheUncachedConversion(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var instants = Gen.Long[0, TimeSpan.FromDays(3 * 365).Ticks].Select(t => new DateTime(start + t, DateTimeKind.Utc));

        Gen.Select(instants, Gen.Int[0, 600].Array[1, 50]).Sample((first, stepsInMinutes) =>
        {
            var cache = new LocalDayCache(zone);
            var moment = first;
            foreach (var step in stepsInMinutes)
            {
                if (cache.Of(moment) != LocalDay.Of(moment, zone))
                {
                    return false;
                }

                moment = moment.AddMinutes(step);
            }

            return true;
        });
    }

    [Fact]
    public void Of_AroundADaylightSavingSwitch_FollowsTheZone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
        var cache = new LocalDayCache(zone);
        var switchAt = new DateTime(2024, 10, 5, 15, 30, 0, DateTimeKind.Utc); // 02:00 local becomes 02:30

        for (var minute = -180; minute <= 180; minute += 7)
        {
            var moment = switchAt.AddMinutes(minute);
            Assert.Equal(LocalDay.Of(moment, zone), cache.Of(moment));
        }
    }
}
