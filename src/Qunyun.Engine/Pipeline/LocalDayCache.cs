namespace Qunyun.Engine.Pipeline;

/// <summary>
/// <see cref="Scoring.LocalDay.Of"/> for a stream of mostly nearby instants: remembers the zone's offset for one UTC
/// hour at a time. An hour whose start and end have the same offset contains no transition (no zone changes its
/// offset twice within an hour), so every instant in it shares that offset.
/// </summary>
internal sealed class LocalDayCache(TimeZoneInfo zone)
{
    private long _hour = long.MinValue;
    private TimeSpan _offset;

    public DateOnly Of(DateTime utc)
    {
        var hour = utc.Ticks / TimeSpan.TicksPerHour;
        if (hour != _hour)
        {
            var start = new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
            var offset = zone.GetUtcOffset(start);
            if (offset != zone.GetUtcOffset(start.AddTicks(TimeSpan.TicksPerHour - 1)))
            {
                return Scoring.LocalDay.Of(utc, zone);
            }

            (_hour, _offset) = (hour, offset);
        }

        return DateOnly.FromDateTime(utc + _offset);
    }
}
