using Qunyun.Engine.Events;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Tagging;

/// <summary>
/// How strongly a member is interested in a topic: every view, attendance or purchase with the topic adds its weight,
/// and the whole weight halves every half-life without new signals — the activity score's formula
/// (<see cref="ActivityScore"/>), per topic. The effort a signal costs the member sets its weight: a view is one click
/// (and often an accident), attending an event costs an evening, a purchase costs money.
/// </summary>
public static class InterestWeight
{
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromDays(30);

    /// <summary>Below this an interest tag is dropped: a single view fades out after two half-lives.</summary>
    public const double DefaultFloor = 0.25;

    public static double For(EventKind kind) => kind switch
    {
        EventKind.ContentViewed => 1,
        EventKind.EventAttended => 3,
        EventKind.Purchase => 5,
        _ => 0,
    };

    /// <summary>The stored weight (as of <paramref name="at"/>) plus one signal of <paramref name="kind"/> at <paramref name="signalAt"/>.</summary>
    public static (double Weight, DateTime At) Add(double weight, DateTime? at, EventKind kind, DateTime signalAt, TimeSpan halfLife)
    {
        var sum = new ActivityScore(weight, at ?? signalAt).Add(For(kind), signalAt, halfLife);
        return (sum.Value, sum.At);
    }

    /// <summary>The weight decayed from when it was stored to <paramref name="now"/>.</summary>
    public static double Current(double weight, DateTime? at, DateTime now, TimeSpan halfLife) =>
        at is null ? weight : new ActivityScore(weight, at.Value).DecayedTo(now, halfLife).Value;

    /// <summary>Two members' weights for one topic as one (a merge): both decayed to the later time, then added.</summary>
    public static (double Weight, DateTime? At) Combine(double weight, DateTime? at, double other, DateTime? otherAt, TimeSpan halfLife)
    {
        if (at is null || otherAt is null)
        {
            return (weight + other, at ?? otherAt);
        }

        var later = at > otherAt ? at.Value : otherAt.Value;
        return (Current(weight, at, later, halfLife) + Current(other, otherAt, later, halfLife), later);
    }

    /// <summary>
    /// A stored weight as one instant: when its decayed value is (or was) exactly 1, <c>at + halfLife · log₂ weight</c>.
    /// The weight now is at least θ exactly when this instant is at or after <see cref="ThresholdKey"/>(θ, now), and a
    /// later instant means a heavier weight — so SQL filters and sorts interests by one indexed column, on any database.
    /// </summary>
    public static DateTime DecayKey(double weight, DateTime at, TimeSpan halfLife) => at + (halfLife * Log2(weight));

    /// <summary>The <see cref="DecayKey"/> of a weight of exactly <paramref name="threshold"/> at <paramref name="now"/>.</summary>
    public static DateTime ThresholdKey(double threshold, DateTime now, TimeSpan halfLife) => now + (halfLife * Log2(threshold));

    // Clamped so that the key stays a valid date for any weight and half-life the settings allow.
    private static double Log2(double weight) => weight > 0 ? Math.Clamp(Math.Log2(weight), -64, 64) : -64;
}
