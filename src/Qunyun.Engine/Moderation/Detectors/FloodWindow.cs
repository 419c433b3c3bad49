namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// The last messages of one member, to tell flooding (more than <c>MaxMessages</c> within <c>Window</c>). The host keeps
/// one per member of a group and feeds it in event order; not thread-safe, like the per-group pipeline that owns it.
/// </summary>
public sealed class FloodWindow
{
    private readonly DateTimeOffset[] _times;
    private int _next;
    private int _count;

    public FloodWindow(int maxMessages, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        MaxMessages = maxMessages;
        Window = window;
        _times = new DateTimeOffset[maxMessages + 1];
    }

    public int MaxMessages { get; }

    public TimeSpan Window { get; }

    /// <summary>Records a message; a finding when it makes more than <see cref="MaxMessages"/> within the window.</summary>
    public Finding? Record(DateTimeOffset at)
    {
        _times[_next] = at;
        _next = (_next + 1) % _times.Length;
        _count = Math.Min(_count + 1, _times.Length);
        var inWindow = CountSince(at - Window, at);
        return inWindow > MaxMessages
            ? new Finding(FindingKind.Flood, 0, 0, $"{inWindow} messages within {Window.TotalSeconds:0.#} s")
            : null;
    }

    /// <summary>Messages recorded in the window that ends at <paramref name="now"/>.</summary>
    public int CountIn(DateTimeOffset now) => CountSince(now - Window, now);

    private int CountSince(DateTimeOffset from, DateTimeOffset now)
    {
        var count = 0;
        for (var i = 0; i < _count; i++)
        {
            var t = _times[i];
            if (t > from && t <= now)
            {
                count++;
            }
        }

        return count;
    }
}
