namespace Qunyun.Engine.Simulation;

/// <summary>
/// When members of a Chinese consumer community talk, in local time: little at night, a commute bump on workdays,
/// a peak in the lunch break (12:00–13:00) and the main peak after dinner (20:00–22:00), when the content plan posts
/// too. Weekends start later and stay busy through the afternoon (coffee is a leisure topic); Monday is the quietest
/// day, Friday evening and the weekend the busiest.
/// </summary>
public static class DailyRhythm
{
    private static readonly double[] Workday =
    [
        0.5, 0.25, 0.1, 0.06, 0.05, 0.1, 0.4, 1.2, 2.2, 2.6, 2.8, 3.2,
        6.5, 5.5, 2.8, 2.6, 2.7, 2.9, 3.3, 4.4, 6.8, 7.4, 6.0, 2.8,
    ];

    private static readonly double[] Weekend =
    [
        0.9, 0.5, 0.25, 0.1, 0.06, 0.06, 0.15, 0.5, 1.2, 2.4, 3.4, 4.0,
        6.0, 5.6, 4.2, 4.0, 4.0, 3.8, 3.6, 4.6, 6.6, 7.2, 6.2, 3.4,
    ];

    private static readonly double[] WorkdayCumulative = Cumulative(Workday);
    private static readonly double[] WeekendCumulative = Cumulative(Weekend);

    public static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Relative weight of a local hour (0–23); the weights of a day average to about 3.</summary>
    public static double HourWeight(int hour, DayOfWeek day) => (IsWeekend(day) ? Weekend : Workday)[hour];

    /// <summary>How busy a whole day is compared with an average day.</summary>
    public static double DayFactor(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 0.82,
        DayOfWeek.Tuesday => 0.9,
        DayOfWeek.Wednesday => 0.94,
        DayOfWeek.Thursday => 0.96,
        DayOfWeek.Friday => 1.06,
        DayOfWeek.Saturday => 1.2,
        _ => 1.12,
    };

    /// <summary>A local time of day drawn from the day's hourly weights (uniform within the hour).</summary>
    public static TimeSpan SampleTimeOfDay(Random random, DayOfWeek day)
    {
        var cumulative = IsWeekend(day) ? WeekendCumulative : WorkdayCumulative;
        var hour = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        hour = hour < 0 ? ~hour : hour;
        return TimeSpan.FromHours(Math.Min(hour, 23)) + TimeSpan.FromSeconds(random.Next(3600));
    }

    private static double[] Cumulative(double[] weights)
    {
        var sums = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            sums[i] = total;
        }

        return sums;
    }
}
