namespace Qunyun.Engine.Tagging;

/// <summary>When the daily recheck of a workspace is due: once a day at a local time of day, in the workspace's zone.</summary>
public static class RecheckSchedule
{
    /// <summary>The latest moment at or before <paramref name="nowUtc"/> that the recheck was scheduled for.</summary>
    public static DateTime LastSlot(DateTime nowUtc, TimeZoneInfo zone, TimeOnly at)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(localNow);
        var slot = SlotOn(today, zone, at);
        return slot <= nowUtc ? slot : SlotOn(today.AddDays(-1), zone, at);
    }

    /// <summary>Due when it never ran, or last ran before the latest slot (a run missed while the host was down happens at start).</summary>
    public static bool IsDue(DateTime? lastRunUtc, DateTime nowUtc, TimeZoneInfo zone, TimeOnly at) =>
        lastRunUtc is null || lastRunUtc < LastSlot(nowUtc, zone, at);

    private static DateTime SlotOn(DateOnly day, TimeZoneInfo zone, TimeOnly at)
    {
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
