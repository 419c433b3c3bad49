using Microsoft.Extensions.Options;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

/// <summary>Turns a stored interest weight (as of its time) into the weight now; manual and rule tags keep theirs.</summary>
public sealed class InterestDecay(IOptions<TagOptions> options, TimeProvider clock)
{
    public double Current(double weight, DateTime? weightAt) =>
        InterestWeight.Current(weight, weightAt, clock.GetUtcNow().UtcDateTime, options.Value.InterestHalfLife);

    /// <summary>What <see cref="MemberTag.DecayKey"/> must reach for the weight now to be at least <paramref name="threshold"/>.</summary>
    public DateTime ThresholdKey(double threshold) =>
        InterestWeight.ThresholdKey(threshold, clock.GetUtcNow().UtcDateTime, options.Value.InterestHalfLife);
}
