using System.Diagnostics;

namespace Qunyun.Features.Outbox;

/// <summary>
/// Orders outbox rows by creation within a process and across restarts: the larger of the last value + 1 and a
/// monotonic tick count offset by the process start. Rows are created in the order their decisions were made, so
/// "delete, then warn" stays in that order even when both land in the same millisecond.
/// </summary>
public static class OutboxSequence
{
    // Microseconds since 2026-01-01 at process start (from the system clock once), then a monotonic stopwatch.
    private static readonly long Origin = (TimeProvider.System.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Ticks / 10;
    private static readonly long StartTimestamp = Stopwatch.GetTimestamp();
    private static long _last;

    public static long Next()
    {
        var now = Origin + (long)Stopwatch.GetElapsedTime(StartTimestamp).TotalMicroseconds;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(last + 1, now);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
