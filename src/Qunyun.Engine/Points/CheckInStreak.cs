namespace Qunyun.Engine.Points;

/// <summary>
/// Consecutive local days of check-ins. Days are the member's calendar days in the workspace time zone, so a check-in
/// at 23:59 and the next at 00:01 make a streak of two.
/// </summary>
public static class CheckInStreak
{
    /// <summary>
    /// The streak that ends on <paramref name="day"/> if the member checks in (or already checked in) that day: one
    /// plus the unbroken run of earlier check-in days right before it. Days after <paramref name="day"/> are ignored.
    /// </summary>
    public static int EndingOn(IEnumerable<DateOnly> checkInDays, DateOnly day)
    {
        var days = checkInDays as IReadOnlySet<DateOnly> ?? checkInDays.ToHashSet();
        var streak = 1;
        for (var previous = day.AddDays(-1); days.Contains(previous); previous = previous.AddDays(-1))
        {
            streak++;
        }

        return streak;
    }

    /// <summary>
    /// The streak a member holds on <paramref name="today"/>: still alive when the last check-in was today or
    /// yesterday (today's check-in may come yet), otherwise 0.
    /// </summary>
    public static int Current(IEnumerable<DateOnly> checkInDays, DateOnly today)
    {
        var days = checkInDays as IReadOnlySet<DateOnly> ?? checkInDays.ToHashSet();
        return days.Contains(today) ? EndingOn(days, today)
            : days.Contains(today.AddDays(-1)) ? EndingOn(days, today.AddDays(-1))
            : 0;
    }
}
