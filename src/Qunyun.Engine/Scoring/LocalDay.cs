namespace Qunyun.Engine.Scoring;

public static class LocalDay
{
    /// <summary>The calendar day a UTC instant falls on in a time zone: rollups are kept per local day.</summary>
    public static DateOnly Of(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
