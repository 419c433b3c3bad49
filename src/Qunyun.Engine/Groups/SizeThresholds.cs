namespace Qunyun.Engine.Groups;

/// <summary>A workspace's own Dunbar numbers (default 50 and 150): where a group needs structure, where it should split.</summary>
public sealed record SizeThresholds(int Intimate, int Stable)
{
    public static SizeThresholds Default { get; } = new(SizeBands.IntimateLimit, SizeBands.StableLimit);

    public SizeBand Classify(int members) =>
        members <= Intimate ? SizeBand.Intimate : members <= Stable ? SizeBand.NeedsStructure : SizeBand.PastStableLimit;

    /// <summary>The size a split aims at by default: halfway between the two (100 with 50 and 150, as 300 → 3 × 100).</summary>
    public int SplitTarget => (Intimate + Stable) / 2;
}
