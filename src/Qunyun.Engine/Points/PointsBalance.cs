namespace Qunyun.Engine.Points;

/// <summary>
/// Balance arithmetic of the ledger. The balance is the sum of all entries (64-bit, so it cannot overflow however
/// long a member collects); a manual adjustment is bounded and may not take the balance below zero.
/// </summary>
public static class PointsBalance
{
    public const int MaxAdjustment = 100_000;

    public static long Of(IEnumerable<int> deltas) => deltas.Sum(d => (long)d);

    /// <summary>Why an adjustment of <paramref name="delta"/> to <paramref name="balance"/> is refused, or null when it is fine.</summary>
    public static string? RefuseAdjustment(long balance, int delta) =>
        delta == 0 ? "Must not be zero."
        : Math.Abs((long)delta) > MaxAdjustment ? $"At most {MaxAdjustment} points either way."
        : balance + delta < 0 ? $"Would take the balance ({balance}) below zero."
        : null;
}
