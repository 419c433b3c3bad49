namespace Qunyun.Engine.Groups.Splitting;

/// <summary>
/// Community detection by modularity (Blondel et al., 2008): members move to the neighbouring community that gains the
/// most modularity, then communities become nodes and it starts again, until nothing moves. The order members are
/// visited in is shuffled with <c>seed</c>, so one seed gives one answer.
/// </summary>
public static class Louvain
{
    private const double Epsilon = 1e-12;

    /// <returns>Each node's community, numbered 0…c−1 in the order of their lowest node.</returns>
    public static int[] Communities(InteractionGraph graph, int seed)
    {
        var membership = Enumerable.Range(0, graph.Count).ToArray();
        var level = Level.Of(graph);
        var random = new Random(seed);
        while (true)
        {
            var communities = level.MoveNodes(random);
            var count = communities.Max() + 1;
            if (count == level.Count)
            {
                break;
            }

            for (var i = 0; i < membership.Length; i++)
            {
                membership[i] = communities[membership[i]];
            }

            level = level.Aggregate(communities, count);
        }

        return Renumber(membership);
    }

    private static int[] Renumber(int[] membership)
    {
        var numbers = new Dictionary<int, int>();
        return membership.Select(c => numbers.TryGetValue(c, out var n) ? n : numbers[c] = numbers.Count).ToArray();
    }

    /// <summary>One level of the algorithm: a symmetric weight matrix as sorted rows, self-loops holding what merged.</summary>
    private sealed class Level(SortedDictionary<int, double>[] rows)
    {
        private readonly double[] _degrees = rows.Select(r => r.Values.Sum()).ToArray();

        public int Count => rows.Length;

        public static Level Of(InteractionGraph graph) =>
            new(Enumerable.Range(0, graph.Count).Select(i => new SortedDictionary<int, double>(graph.NeighboursOf(i).ToDictionary())).ToArray());

        /// <returns>Each node's community after local moves, numbered 0…c−1.</returns>
        public int[] MoveNodes(Random random)
        {
            var total = _degrees.Sum();
            var community = Enumerable.Range(0, Count).ToArray();
            if (total <= 0)
            {
                return community;
            }

            var totals = (double[])_degrees.Clone();
            var order = Enumerable.Range(0, Count).ToArray();
            random.Shuffle(order);
            var links = new Dictionary<int, double>();
            for (var moved = true; moved;)
            {
                moved = false;
                foreach (var node in order)
                {
                    var own = community[node];
                    links.Clear();
                    links[own] = 0;
                    foreach (var (other, weight) in rows[node])
                    {
                        if (other != node)
                        {
                            links[community[other]] = links.GetValueOrDefault(community[other]) + weight;
                        }
                    }

                    totals[own] -= _degrees[node];
                    var (best, bestGain) = (own, links[own] - totals[own] * _degrees[node] / total);
                    foreach (var (candidate, weight) in links.OrderBy(l => l.Key))
                    {
                        var gain = weight - totals[candidate] * _degrees[node] / total;
                        if (gain > bestGain + Epsilon)
                        {
                            (best, bestGain) = (candidate, gain);
                        }
                    }

                    totals[best] += _degrees[node];
                    if (best != own)
                    {
                        community[node] = best;
                        moved = true;
                    }
                }
            }

            return Renumber(community);
        }

        public Level Aggregate(int[] community, int count)
        {
            var merged = new SortedDictionary<int, double>[count];
            for (var c = 0; c < count; c++)
            {
                merged[c] = [];
            }

            for (var node = 0; node < Count; node++)
            {
                foreach (var (other, weight) in rows[node])
                {
                    var (a, b) = (community[node], community[other]);
                    merged[a][b] = merged[a].GetValueOrDefault(b) + weight;
                }
            }

            return new Level(merged);
        }
    }
}
