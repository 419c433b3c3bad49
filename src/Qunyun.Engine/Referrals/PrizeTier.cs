namespace Qunyun.Engine.Referrals;

/// <summary>N valid helpers earn <see cref="Prize"/>; <see cref="Points"/> is what a points campaign credits.</summary>
public sealed record PrizeTier(int Helpers, string Prize, int? Points = null);

public static class PrizeLadder
{
    /// <summary>The indexes of the tiers <paramref name="valid"/> helpers reach.</summary>
    public static IEnumerable<int> Reached(IReadOnlyList<PrizeTier> tiers, int valid) =>
        Enumerable.Range(0, tiers.Count).Where(i => tiers[i].Helpers <= valid);

    /// <summary>The next tier not yet reached and how many more valid helpers it needs; null past the top.</summary>
    public static (PrizeTier Tier, int Missing)? Next(IReadOnlyList<PrizeTier> tiers, int valid) =>
        tiers.FirstOrDefault(t => t.Helpers > valid) is { } next ? (next, next.Helpers - valid) : null;
}
