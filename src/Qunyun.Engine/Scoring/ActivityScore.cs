using Qunyun.Engine.Events;

namespace Qunyun.Engine.Scoring;

/// <summary>
/// A member's activity score (活跃度): exponentially weighted interactions. Each interaction adds its weight; the
/// whole score halves every <c>halfLife</c> without activity:
/// <code>S(t) = S(t₀) · 2^(−(t − t₀) / halfLife) + w</code>
/// so a member who posts one message a day settles near <c>1 / (1 − 2^(−1 day / halfLife))</c> ≈ 20.7 with a 14-day half-life.
/// Events that arrive late (t before t₀) are added with their own decay instead of rewinding time.
/// </summary>
public readonly record struct ActivityScore(double Value, DateTime At)
{
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromDays(14);

    public ActivityScore DecayedTo(DateTime moment, TimeSpan halfLife) =>
        moment <= At ? this : new ActivityScore(Value * Factor(moment - At, halfLife), moment);

    public ActivityScore Add(double weight, DateTime at, TimeSpan halfLife) =>
        at >= At
            ? new ActivityScore(DecayedTo(at, halfLife).Value + weight, at)
            : this with { Value = Value + weight * Factor(At - at, halfLife) };

    private static double Factor(TimeSpan elapsed, TimeSpan halfLife) => Math.Pow(2, -elapsed.TotalSeconds / halfLife.TotalSeconds);
}

/// <summary>How much each kind of interaction counts towards the activity score.</summary>
public static class ActivityWeights
{
    public static double For(EventKind kind, bool isReply = false) => kind switch
    {
        EventKind.Message => isReply ? 1.5 : 1.0,
        EventKind.Reaction => 0.25,
        EventKind.CheckIn => 0.5,
        EventKind.InviteAccepted => 0.5,
        EventKind.ContentViewed => 0.3,
        EventKind.EventAttended => 3.0,
        EventKind.Purchase => 2.0,
        EventKind.Custom => 0.5,
        _ => 0,
    };
}
