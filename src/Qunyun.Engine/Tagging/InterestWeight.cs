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
}
