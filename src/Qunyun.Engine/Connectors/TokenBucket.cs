namespace Qunyun.Engine.Connectors;

/// <summary>
/// A token bucket on a caller-supplied clock: <see cref="Capacity"/> tokens, refilled evenly over <see cref="Period"/>
/// (30 per second, 20 per minute). Not thread-safe; the owner locks.
/// </summary>
public sealed class TokenBucket(int capacity, TimeSpan period)
{
    private double _tokens = capacity;
    private DateTime? _refilledAt;

    public int Capacity => capacity;

    public TimeSpan Period => period;

    public bool CanTake(DateTime now)
    {
        Refill(now);
        return _tokens >= 1;
    }

    public void Take(DateTime now)
    {
        Refill(now);
        _tokens -= 1;
    }

    /// <summary>When the next token is available (now if one is).</summary>
    public DateTime NextTokenAt(DateTime now)
    {
        Refill(now);
        return _tokens >= 1 ? now : now + period / capacity * (1 - _tokens);
    }

    private void Refill(DateTime now)
    {
        if (_refilledAt is { } last && now > last)
        {
            _tokens = Math.Min(capacity, _tokens + (now - last) / period * capacity);
        }

        if (_refilledAt is null || now > _refilledAt)
        {
            _refilledAt = now;
        }
    }
}
