using Qunyun.Engine.Simulation;

namespace Qunyun.Engine.Tests.Simulation;

public sealed class TalkativenessTests
{
    private static readonly double[] Draws = Draw(200_000, seed: 11);

    [Fact]
    public void Draw_Average_IsOne()
    {
        Assert.InRange(Draws.Average(), 0.95, 1.05);
    }

    [Fact]
    public void Draw_AThirdOfMembers_NeverTalk()
    {
        Assert.InRange(Draws.Count(d => d == 0) / (double)Draws.Length, Talkativeness.LurkerShare - 0.01, Talkativeness.LurkerShare + 0.01);
    }

    [Fact]
    public void Draw_TopFifth_HoldsAboutFourFifthsOfTheTalk()
    {
        var sorted = Draws.OrderDescending().ToArray();

        var share = sorted.Take(sorted.Length / 5).Sum() / sorted.Sum();

        Assert.InRange(share, 0.75, 0.9);
    }

    [Fact]
    public void Draw_NoOne_ExceedsTheCap()
    {
        Assert.All(Draws, d => Assert.InRange(d, 0, Talkativeness.Cap));
    }

    private static double[] Draw(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Talkativeness.Draw(random)).ToArray();
    }
}
