namespace Qunyun.Engine.Points;

/// <summary>
/// What a check-in on a local day means for a member who checked in on <c>checkInDays</c> before: at most one award
/// per day, so a second check-in the same day earns nothing and only reports the streak so far.
/// </summary>
public sealed record CheckInDecision(bool AlreadyToday, int Streak, CheckInAward Award)
{
    public static CheckInDecision For(IReadOnlyCollection<DateOnly> checkInDays, DateOnly today, PointsRules rules)
    {
        var days = checkInDays.ToHashSet();
        var streak = CheckInStreak.EndingOn(days, today);
        return days.Contains(today)
            ? new CheckInDecision(true, streak, default)
            : new CheckInDecision(false, streak, rules.AwardFor(streak));
    }
}
