namespace Qunyun.Engine.Plan;

public enum ScheduleKind
{
    /// <summary>Once, at a local date and time.</summary>
    Once,

    /// <summary>On some days of the week at one local time.</summary>
    Weekly,

    /// <summary>A five-field cron expression, in local time.</summary>
    Cron,
}

/// <summary>When something goes out, in the local time of a zone. Which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record Schedule(ScheduleKind Kind, DateTime? OnceAt = null, IReadOnlyList<DayOfWeek>? Days = null, TimeOnly? Time = null, string? Cron = null)
{
    public static Schedule Once(DateTime localAt) => new(ScheduleKind.Once, OnceAt: DateTime.SpecifyKind(localAt, DateTimeKind.Unspecified));

    public static Schedule Weekly(TimeOnly time, params DayOfWeek[] days) => new(ScheduleKind.Weekly, Days: days, Time: time);

    public static Schedule Daily(TimeOnly time) => Weekly(time, Enum.GetValues<DayOfWeek>());

    public static Schedule FromCron(string cron) => new(ScheduleKind.Cron, Cron: cron);
}

/// <summary>
/// Local hours when nothing is posted (e.g. 22:00–08:00, which wraps midnight); an occurrence inside them is deferred to
/// their end, so members are not woken but nothing is lost.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) =>
        Start <= End ? time >= Start && time < End : time >= Start || time < End;

    /// <summary>The first local moment at or after <paramref name="local"/> outside the quiet hours.</summary>
    public DateTime Defer(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return local;
        }

        var end = local.Date + End.ToTimeSpan();
        return end < local ? end.AddDays(1) : end;
    }
}
