namespace Qunyun.Engine.Groups.Splitting;

/// <summary>What a split starts from: the members' interactions, each member's interest weights (tag → weight), k.</summary>
public sealed record SplitInput(InteractionGraph Graph, IReadOnlyList<IReadOnlyDictionary<Guid, double>> Interests, int Groups, int Seed);

/// <summary>
/// Proposes how to split one group into k balanced subgroups. Communities of the interaction graph (<see cref="Louvain"/>)
/// stay together where they fit; a community too big for one subgroup is split along its own sub-communities; members
/// who interacted with nobody join the subgroup whose interests are closest to theirs, then the smallest.
/// </summary>
public static class SplitPlanner
{
    /// <returns>Each member's subgroup, 0…k−1; every subgroup has members when there are at least k members.</returns>
    public static int[] Plan(SplitInput input)
    {
        var (graph, k) = (input.Graph, input.Groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Math.Max(1, graph.Count));
        var bins = new Bins(graph, k, input.Interests);
        var communities = Louvain.Communities(graph, input.Seed);
        var pieces = Enumerable.Range(0, graph.Count).Where(n => graph.NeighboursOf(n).Count > 0)
            .GroupBy(n => communities[n]).SelectMany(c => Chop(graph, [.. c], bins.Cap, input.Seed))
            .OrderByDescending(p => p.Count).ThenBy(p => p[0]).ToList();
        foreach (var piece in pieces)
        {
            bins.PlacePiece(piece);
        }

        foreach (var loner in Enumerable.Range(0, graph.Count).Where(n => graph.NeighboursOf(n).Count == 0))
        {
            bins.PlaceByInterests(loner);
        }

        bins.Balance();
        return bins.Assignment;
    }

    /// <summary>A community bigger than a subgroup, cut along its sub-communities (or, when it has none, in even runs).</summary>
    private static IEnumerable<List<int>> Chop(InteractionGraph graph, List<int> piece, int cap, int seed)
    {
        if (piece.Count <= cap)
        {
            return [piece];
        }

        var inner = Louvain.Communities(graph.Induced(piece), seed + 1);
        if (inner.Max() > 0)
        {
            return Enumerable.Range(0, piece.Count).GroupBy(i => inner[i])
                .SelectMany(c => Chop(graph, c.Select(i => piece[i]).ToList(), cap, seed + 1));
        }

        var runs = (piece.Count + cap - 1) / cap;
        return Enumerable.Range(0, runs).Select(r => piece.Where((_, i) => i * runs / piece.Count == r).ToList());
    }
}
