namespace Qunyun.Engine.Simulation;

/// <summary>
/// The simulated period: <see cref="Days"/> local calendar days in the workspace's time zone, the last of which
/// contains <see cref="End"/> ("now"). Day 0 is the first day. Nothing is simulated after <see cref="End"/>.
/// </summary>
public sealed class SimulationCalendar(DateTime endUtc, TimeZoneInfo zone, int days = 90)
{
    private readonly DateOnly _firstDay = LocalDateOf(endUtc, zone).AddDays(1 - days);

    public int Days => days;
    public DateTime End { get; } = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
    public DateTime Start => Utc(0, TimeSpan.Zero);

    public DateOnly LocalDate(int day) => _firstDay.AddDays(day);

    public DayOfWeek DayOfWeek(int day) => LocalDate(day).DayOfWeek;

    /// <summary>The UTC instant of a local time of day on a simulated day (any day number, also before day 0).</summary>
    public DateTime Utc(int day, TimeSpan timeOfDay)
    {
        var local = LocalDate(day).ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc);
    }

    /// <summary>The simulated day a UTC instant falls on (negative before the period).</summary>
    public int DayOf(DateTime utc) => LocalDateOf(utc, zone).DayNumber - _firstDay.DayNumber;

    private static DateOnly LocalDateOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
