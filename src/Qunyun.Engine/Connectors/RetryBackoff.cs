namespace Qunyun.Engine.Connectors;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th failure waits between half and all of base·2^(n-1), capped.
/// The jitter spreads retries of many actions that failed together (an outage) so they do not return in one burst.
/// </summary>
public static class RetryBackoff
{
    /// <param name="failures">Failures so far, at least 1.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static TimeSpan Delay(int failures, double jitter, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var full = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(full / 2 + full / 2 * Math.Clamp(jitter, 0, 1));
    }
}
