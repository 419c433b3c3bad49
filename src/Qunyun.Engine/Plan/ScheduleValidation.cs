namespace Qunyun.Engine.Plan;

/// <summary>What is wrong with a schedule at save time, as (field, message) pairs; field names are the API's.</summary>
public static class ScheduleValidation
{
    /// <summary>A cron that fires nowhere in this span (e.g. "0 0 30 2 *") never fires.</summary>
    public static readonly TimeSpan NeverSpan = TimeSpan.FromDays(366 * 5);

    public static IEnumerable<(string Field, string Message)> Check(Schedule schedule, TimeZoneInfo zone, QuietHours? quiet, DateTimeOffset now)
    {
        switch (schedule.Kind)
        {
            case ScheduleKind.Once when schedule.OnceAt is null:
                yield return ("onceAt", "Required for a one-off entry.");
                break;
            case ScheduleKind.Once when Occurrences.Between(schedule, zone, quiet, now, now + NeverSpan).Any() is false:
                yield return ("onceAt", "This time is in the past.");
                break;
            case ScheduleKind.Weekly:
                if (schedule.Days is not { Count: > 0 })
                {
                    yield return ("days", "Pick at least one day of the week.");
                }

                if (schedule.Time is null)
                {
                    yield return ("time", "Required for a weekly entry.");
                }

                break;
            case ScheduleKind.Cron when !CronSchedule.TryParse(schedule.Cron, out _):
                yield return ("cron", "Not a valid five-field cron expression (minute hour day-of-month month day-of-week).");
                break;
            case ScheduleKind.Cron when Occurrences.Next(schedule, zone, quiet, now, NeverSpan) is null:
                yield return ("cron", "This expression never fires.");
                break;
        }
    }
}
