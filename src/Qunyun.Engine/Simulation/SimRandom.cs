namespace Qunyun.Engine.Simulation;

/// <summary>Seeded draws for the simulator. <see cref="Random(int)"/> with a seed is stable across runs and platforms.</summary>
public static class SimRandom
{
    /// <summary>An independent stream per (seed, subject, purpose), so each member's story does not depend on the others'.</summary>
    public static Random For(int seed, int subject, int purpose) =>
        new(unchecked((seed * 73856093) ^ (subject * 19349663) ^ (purpose * 83492791)) & int.MaxValue);

    /// <summary>A Poisson count: how many times something with rate <paramref name="lambda"/> happens.</summary>
    public static int Poisson(this Random random, double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * random.Gaussian()));
        }

        var limit = Math.Exp(-lambda);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>An index drawn with probability proportional to its weight (all weights ≥ 0, at least one &gt; 0).</summary>
    public static int Pick(this Random random, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
