namespace Qunyun.Engine.Simulation;

/// <summary>
/// How much one member talks compared with the average member (mean 1). A third of the members never post (lurkers,
/// 潜水); the others follow a Pareto law with α ≈ log₄5 — the shape for which a fifth of the people hold four fifths
/// of the total — capped so that one member cannot drown a group. The result is the 80/20 of the seeds: "in big
/// groups a small core does all the talking".
/// </summary>
public static class Talkativeness
{
    public const double LurkerShare = 0.35;
    public const double Alpha = 1.16;
    public const double Cap = 150;

    /// <summary>Mean of the capped Pareto with scale 1: 1 + (1 − Cap^(1−α)) / (α − 1).</summary>
    private static readonly double CappedMean = 1 + (1 - Math.Pow(Cap, 1 - Alpha)) / (Alpha - 1);

    public static double Draw(Random random)
    {
        var lurker = random.NextDouble() < LurkerShare;
        var pareto = Math.Min(Cap, 1 / Math.Pow(1 - random.NextDouble(), 1 / Alpha));
        return lurker ? 0 : pareto / (CappedMean * (1 - LurkerShare));
    }
}
