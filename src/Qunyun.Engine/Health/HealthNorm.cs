namespace Qunyun.Engine.Health;

/// <summary>
/// What a factor should look like in a group of one type: full marks between <see cref="GoodFrom"/> and
/// <see cref="GoodTo"/>, none at or beyond <see cref="BadBelow"/> / <see cref="BadAbove"/>, linear in between.
/// One-sided norms use infinities on the side that cannot be wrong.
/// </summary>
/// <param name="Weight">Points of the 100 the factor carries.</param>
public sealed record HealthNorm(double BadBelow, double GoodFrom, double GoodTo, double BadAbove, int Weight)
{
    public static HealthNorm AtLeast(double good, double bad, int weight) => new(bad, good, double.PositiveInfinity, double.PositiveInfinity, weight);

    public static HealthNorm AtMost(double good, double bad, int weight) => new(double.NegativeInfinity, double.NegativeInfinity, good, bad, weight);

    public static HealthNorm Between(double badBelow, double goodFrom, double goodTo, double badAbove, int weight) => new(badBelow, goodFrom, goodTo, badAbove, weight);

    /// <summary>How much of the factor's weight the value earns, 0 to 1.</summary>
    public double Fraction(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        if (value < GoodFrom)
        {
            return value <= BadBelow ? 0 : (value - BadBelow) / (GoodFrom - BadBelow);
        }

        if (value > GoodTo)
        {
            return value >= BadAbove ? 0 : (BadAbove - value) / (BadAbove - GoodTo);
        }

        return 1;
    }
}
