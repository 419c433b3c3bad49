using Cronos;

namespace Qunyun.Engine.Plan;

/// <summary>The moments (UTC) a schedule fires, computed in its zone, with quiet hours applied.</summary>
public static class Occurrences
{
    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], in order, without duplicates.</summary>
    public static IEnumerable<DateTimeOffset> Between(Schedule schedule, TimeZoneInfo zone, QuietHours? quiet, DateTimeOffset after, DateTimeOffset until)
    {
        if (until <= after)
        {
            return [];
        }

        // Quiet hours defer an occurrence by at most a day, so look one day further back for ones that land in the window.
        var raw = Raw(schedule, zone, quiet is null ? after : after.AddDays(-1), until);
        return raw.Select(at => quiet is null ? at : Deferred(at, zone, quiet))
            .Where(at => at > after && at <= until)
            .Distinct()
            .Order();
    }

    /// <summary>The next occurrence after <paramref name="after"/>, looking at most <paramref name="within"/> ahead.</summary>
    public static DateTimeOffset? Next(Schedule schedule, TimeZoneInfo zone, QuietHours? quiet, DateTimeOffset after, TimeSpan within) =>
        Between(schedule, zone, quiet, after, after + within).Cast<DateTimeOffset?>().FirstOrDefault();

    private static IEnumerable<DateTimeOffset> Raw(Schedule schedule, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until) =>
        schedule.Kind switch
        {
            ScheduleKind.Once when schedule.OnceAt is { } at => [ToUtc(at, zone)],
            ScheduleKind.Weekly when schedule.Time is { } time && schedule.Days is { Count: > 0 } days => Weekly(days, time, zone, after, until),
            ScheduleKind.Cron when CronSchedule.TryParse(schedule.Cron, out var cron) =>
                cron.GetOccurrences(after, until, zone, fromInclusive: false, toInclusive: true),
            _ => [],
        };

    private static IEnumerable<DateTimeOffset> Weekly(IReadOnlyList<DayOfWeek> days, TimeOnly time, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (days.Contains(day.DayOfWeek))
            {
                var at = ToUtc(day.ToDateTime(time), zone);
                if (at > after && at <= until)
                {
                    yield return at;
                }
            }
        }
    }

    private static DateTimeOffset Deferred(DateTimeOffset at, TimeZoneInfo zone, QuietHours quiet) =>
        ToUtc(quiet.Defer(TimeZoneInfo.ConvertTime(at, zone).DateTime), zone);

    /// <summary>A local time to UTC; a time skipped by a daylight-saving jump moves forward by the jump.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
