namespace Qunyun.Engine.LiveCodes;

/// <summary>
/// How long a pool's free seats last at the recent pace. Staff are alerted when the days left fall within the lead
/// time, so they prepare the next group before scans find the pool full.
/// </summary>
/// <param name="FreeSeats">Free seats in the groups that can still receive people.</param>
/// <param name="PerDay">People sent to a group per day over the recent window.</param>
/// <param name="DaysLeft">Null when nobody arrived recently: the seats do not run out at this pace.</param>
public sealed record LiveCodeRunway(int FreeSeats, double PerDay, double? DaysLeft, bool Alert)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <param name="arrivals">People sent to a group within <paramref name="window"/> (or since the pool began, if later).</param>
    public static LiveCodeRunway Of(int freeSeats, int arrivals, TimeSpan window, double leadDays)
    {
        var perDay = window > TimeSpan.Zero ? arrivals / Math.Max(1, window.TotalDays) : 0;
        double? daysLeft = perDay > 0 ? freeSeats / perDay : null;
        return new LiveCodeRunway(freeSeats, perDay, daysLeft, freeSeats == 0 || daysLeft <= leadDays);
    }
}

/// <summary>When staff are reminded that an uploaded group QR code is about to expire.</summary>
public static class QrReminder
{
    public static readonly TimeSpan Lead = TimeSpan.FromDays(1);

    public static bool IsDue(DateTime expiresAt, DateTime? remindedAt, DateTime now) =>
        remindedAt is null && now >= expiresAt - Lead;
}

/// <summary>
/// Whether a join counts as having stayed 7 days: only once 7 days have passed, and only if the member had not left by
/// then. Null while it is too early to say.
/// </summary>
public static class StayRule
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    public static bool? Stayed(DateTime joinedAt, DateTime? leftAt, DateTime now) =>
        now < joinedAt + Period ? null : leftAt is null || leftAt >= joinedAt + Period;
}
