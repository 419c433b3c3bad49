using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Tagging;

/// <summary>
/// "Within N days": the N most recent calendar days in the workspace's time zone, today included, so the answer only
/// changes at local midnight (when the daily recheck runs) and matches the per-day rollups exactly.
/// </summary>
public readonly record struct RuleWindow(DateOnly FirstDay, DateTime StartUtc)
{
    public static RuleWindow Of(int days, DateTime nowUtc, TimeZoneInfo zone)
    {
        var first = LocalDay.Of(nowUtc, zone).AddDays(1 - days);
        return new RuleWindow(first, StartOf(first, zone));
    }

    /// <summary>The first instant of a local day (later than midnight where a clock change skips midnight).</summary>
    public static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
