namespace Qunyun.Engine.Groups.Splitting;

/// <summary>An interest most members of a subgroup share: how many of them have it, and their summed weight.</summary>
public sealed record SharedInterest(Guid TagId, int Members, double Weight);

/// <summary>What a proposed subgroup looks like: how much of its members' talk stays inside it, what they share.</summary>
public static class SplitMeasures
{
    /// <summary>
    /// The share of the interactions its members took part in that stayed among them: 1 when they only talk to each other,
    /// 0 when only to people in other subgroups; null when they had no interactions at all.
    /// </summary>
    public static double? InternalShare(InteractionGraph graph, IReadOnlyList<int> assignment, int subgroup)
    {
        double inside = 0, across = 0;
        for (var node = 0; node < graph.Count; node++)
        {
            if (assignment[node] != subgroup)
            {
                continue;
            }

            foreach (var (other, weight) in graph.NeighboursOf(node))
            {
                if (assignment[other] != subgroup)
                {
                    across += weight;
                }
                else if (other > node)
                {
                    inside += weight;
                }
            }
        }

        return inside + across == 0 ? null : inside / (inside + across);
    }

    /// <summary>The interests held by at least <paramref name="minShare"/> of the members, most widely held first.</summary>
    public static IReadOnlyList<SharedInterest> SharedInterests(
        IReadOnlyCollection<IReadOnlyDictionary<Guid, double>> members, int top = 3, double minShare = 0.25)
    {
        if (members.Count == 0)
        {
            return [];
        }

        return members.SelectMany(m => m).GroupBy(i => i.Key)
            .Select(g => new SharedInterest(g.Key, g.Count(), g.Sum(i => i.Value)))
            .Where(s => s.Members >= minShare * members.Count)
            .OrderByDescending(s => s.Members).ThenByDescending(s => s.Weight).ThenBy(s => s.TagId)
            .Take(top).ToList();
    }

    /// <summary>How many subgroups a group of <paramref name="members"/> needs so that none is above <paramref name="targetSize"/>.</summary>
    public static int DefaultGroups(int members, int targetSize) =>
        Math.Clamp((members + targetSize - 1) / Math.Max(1, targetSize), 2, Math.Max(2, members));
}
