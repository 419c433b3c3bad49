namespace Qunyun.Engine.Lifecycle;

/// <summary>When a short-term group says goodbye and is dissolved, in UTC.</summary>
public readonly record struct LifecycleDue(DateTime FarewellAt, DateTime DissolveAt);

/// <summary>
/// The short-term group's end (短期活动群: "dissolve the group about three days after the activity ends"). Both moments
/// fall at <see cref="LocalHour"/> in the group's zone, never at night: the dissolution on the N-th day after the end
/// date, the farewell <see cref="FarewellLead"/> before it, so members read it while the group still exists.
/// </summary>
public static class LifecycleSchedule
{
    public const int LocalHour = 10;

    public static readonly TimeSpan DefaultDissolveAfter = TimeSpan.FromDays(3);

    public static readonly TimeSpan FarewellLead = TimeSpan.FromDays(1);

    /// <summary>The latest a dissolution may be put off to, counted from the end date.</summary>
    public const int MaxPostponeDays = 90;

    public static LifecycleDue Of(DateOnly endsOn, TimeSpan? dissolveAfter, TimeZoneInfo zone)
    {
        var days = Math.Max(1, (int)Math.Round((dissolveAfter ?? DefaultDissolveAfter).TotalDays));
        return ForDissolutionOn(endsOn.AddDays(days), zone);
    }

    /// <summary>The farewell and dissolution for a dissolution on <paramref name="day"/> (a postponement names the day).</summary>
    public static LifecycleDue ForDissolutionOn(DateOnly day, TimeZoneInfo zone)
    {
        var dissolve = AtLocal(day, zone);
        return new LifecycleDue(dissolve - FarewellLead, dissolve);
    }

    /// <summary>The UTC instant of <see cref="LocalHour"/> on <paramref name="day"/> in <paramref name="zone"/> (a skipped hour moves on).</summary>
    public static DateTime AtLocal(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(LocalHour, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Whole days left until <paramref name="at"/> (0 on the day itself or after it), as a countdown shows them.</summary>
    public static int DaysUntil(DateTime at, DateTime now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, zone));
        return Math.Max(0, day.DayNumber - today.DayNumber);
    }
}
