using Qunyun.Engine.Tagging;

namespace Qunyun.Engine.Tests.Tagging;

public sealed class RecheckScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeOnly ThreeAm = new(3, 0);

    [Fact]
    public void LastSlot_BeforeTodaysTime_IsYesterdays()
    {
        var now = new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc); // 02:00 on the 24th in Shanghai

        Assert.Equal(new DateTime(2026, 11, 22, 19, 0, 0, DateTimeKind.Utc), RecheckSchedule.LastSlot(now, Shanghai, ThreeAm));
        Assert.Equal(new DateTime(2026, 11, 23, 19, 0, 0, DateTimeKind.Utc), RecheckSchedule.LastSlot(now.AddHours(1), Shanghai, ThreeAm));
    }

    [Fact]
    public void IsDue_OncePerDayAtTheLocalTime()
    {
        var ranAt = new DateTime(2026, 11, 22, 19, 0, 5, DateTimeKind.Utc); // 03:00:05 on the 23rd in Shanghai

        Assert.True(RecheckSchedule.IsDue(null, ranAt, Shanghai, ThreeAm));
        Assert.False(RecheckSchedule.IsDue(ranAt, ranAt.AddHours(23), Shanghai, ThreeAm));
        Assert.True(RecheckSchedule.IsDue(ranAt, ranAt.AddDays(1), Shanghai, ThreeAm));
        Assert.True(RecheckSchedule.IsDue(ranAt, ranAt.AddDays(3), Shanghai, ThreeAm));
    }

    [Fact]
    public void LastSlot_OnAClockChangeDay_StillOnePerDay()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var twoThirty = new TimeOnly(2, 30); // does not exist on 2026-03-08 in New York

        var slot = RecheckSchedule.LastSlot(new DateTime(2026, 3, 8, 12, 0, 0, DateTimeKind.Utc), newYork, twoThirty);

        Assert.Equal(new DateTime(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc), slot); // 03:00 EDT, right after the gap
    }
}
