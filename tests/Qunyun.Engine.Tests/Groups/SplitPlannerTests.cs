using Qunyun.Engine.Groups.Splitting;

namespace Qunyun.Engine.Tests.Groups;

public sealed class SplitPlannerTests
{
    private static readonly IReadOnlyDictionary<Guid, double> NoInterests = new Dictionary<Guid, double>();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2026)]
    public void Plan_PlantedCommunities_PlacesNineInTenWithTheirCommunity(int graphSeed)
    {
        var (graph, planted) = Planted(communities: 4, size: 30, inside: 0.3, across: 0.01, graphSeed);

        var plan = SplitPlanner.Plan(new SplitInput(graph, Interests(graph.Count), 4, Seed: 11));

        Assert.True(Recovered(plan, planted, 4) >= 0.9 * graph.Count, $"{Recovered(plan, planted, 4)} of {graph.Count} placed with their community");
    }

    [Fact]
    public void Louvain_PlantedCommunities_FindsThemWithoutBeingToldHowMany()
    {
        var (graph, planted) = Planted(communities: 4, size: 30, inside: 0.3, across: 0.01, 3);

        var found = Louvain.Communities(graph, seed: 5);

        Assert.Equal(4, found.Distinct().Count());
        Assert.True(Recovered(found, planted, 4) >= 0.9 * graph.Count);
    }

    [Fact]
    public void Plan_SameSeed_SameAnswer_AndEveryMemberPlaced()
    {
        var (graph, _) = Planted(communities: 5, size: 20, inside: 0.2, across: 0.03, 9);

        var first = SplitPlanner.Plan(new SplitInput(graph, Interests(graph.Count), 3, Seed: 42));
        var second = SplitPlanner.Plan(new SplitInput(graph, Interests(graph.Count), 3, Seed: 42));

        Assert.Equal(first, second);
        Assert.All(first, g => Assert.InRange(g, 0, 2));
    }

    [Fact]
    public void Plan_OneBigCommunity_IsCutIntoBalancedSubgroups()
    {
        var (graph, _) = Planted(communities: 1, size: 90, inside: 0.15, across: 0, 4);

        var plan = SplitPlanner.Plan(new SplitInput(graph, Interests(graph.Count), 3, Seed: 1));

        var sizes = plan.GroupBy(g => g).Select(g => g.Count()).ToList();
        Assert.Equal(3, sizes.Count);
        Assert.All(sizes, s => Assert.InRange(s, 27, 33));
    }

    [Fact]
    public void Plan_MembersWithoutInteractions_JoinTheSubgroupSharingTheirInterest()
    {
        var (tea, coffee) = (Guid.NewGuid(), Guid.NewGuid());
        var graph = new InteractionGraph(12);
        var interests = new List<IReadOnlyDictionary<Guid, double>>();
        for (var i = 0; i < 10; i++)
        {
            interests.Add(new Dictionary<Guid, double> { [i < 5 ? tea : coffee] = 1 });
            for (var j = i + 1; j < 10; j++)
            {
                if (i < 5 == j < 5)
                {
                    graph.Add(i, j);
                }
            }
        }

        interests.Add(new Dictionary<Guid, double> { [coffee] = 0.8 });
        interests.Add(new Dictionary<Guid, double> { [tea] = 0.5 });

        var plan = SplitPlanner.Plan(new SplitInput(graph, interests, 2, Seed: 3));

        Assert.Equal(plan[7], plan[10]);
        Assert.Equal(plan[2], plan[11]);
        Assert.NotEqual(plan[2], plan[7]);
    }

    [Fact]
    public void Plan_NoInteractionsAtAll_StillFillsEverySubgroupEvenly()
    {
        var graph = new InteractionGraph(10);

        var plan = SplitPlanner.Plan(new SplitInput(graph, Interests(10), 3, Seed: 0));

        Assert.Equal([3, 3, 4], plan.GroupBy(g => g).Select(g => g.Count()).Order());
    }

    [Fact]
    public void Measures_InternalShareAndSharedInterests_DescribeASubgroup()
    {
        var graph = new InteractionGraph(4);
        graph.Add(0, 1, 3);
        graph.Add(1, 2, 1);
        var tag = Guid.NewGuid();
        int[] plan = [0, 0, 1, 1];

        Assert.Equal(0.75, SplitMeasures.InternalShare(graph, plan, 0));
        Assert.Equal(0.0, SplitMeasures.InternalShare(graph, plan, 1));
        Assert.Null(SplitMeasures.InternalShare(new InteractionGraph(2), [0, 1], 0));
        var shared = SplitMeasures.SharedInterests([new Dictionary<Guid, double> { [tag] = 0.5 }, new Dictionary<Guid, double> { [tag] = 0.25 }, NoInterests]);
        Assert.Equal([new SharedInterest(tag, 2, 0.75)], shared);
        Assert.Equal(3, SplitMeasures.DefaultGroups(300, 100));
        Assert.Equal(2, SplitMeasures.DefaultGroups(160, 100));
    }

    [Fact]
    public void Plan_MoreSubgroupsThanMembers_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitPlanner.Plan(new SplitInput(new InteractionGraph(2), Interests(2), 3, 0)));

    private static (InteractionGraph Graph, int[] Planted) Planted(int communities, int size, double inside, double across, int seed)
    {
        var random = new Random(seed);
        var graph = new InteractionGraph(communities * size);
        var planted = Enumerable.Range(0, graph.Count).Select(n => n / size).ToArray();
        for (var a = 0; a < graph.Count; a++)
        {
            for (var b = a + 1; b < graph.Count; b++)
            {
                if (random.NextDouble() < (planted[a] == planted[b] ? inside : across))
                {
                    graph.Add(a, b, 1 + random.Next(3));
                }
            }
        }

        return (graph, planted);
    }

    /// <summary>Members in the subgroup where most of their planted community went.</summary>
    private static int Recovered(int[] plan, int[] planted, int communities) =>
        Enumerable.Range(0, communities).Sum(c =>
            plan.Where((_, n) => planted[n] == c).GroupBy(g => g).Max(g => g.Count()));

    private static List<IReadOnlyDictionary<Guid, double>> Interests(int count) => Enumerable.Repeat(NoInterests, count).ToList();
}
