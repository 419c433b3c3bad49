namespace Qunyun.Engine.Referrals;

/// <summary>A person in a campaign's tree; <see cref="Parent"/> is who brought them (null: a seed participant).</summary>
public sealed record TreeNode(Guid Id, Guid? Parent);

/// <summary>Where a node sits when drawn: its depth (column) and row; a parent sits at the middle of its children.</summary>
public sealed record PlacedNode(Guid Id, Guid? Parent, int Depth, double Row);

public static class ReferralTree
{
    /// <summary>
    /// Depth-first, children in the given order; leaves take the next free row. A parent that is missing or lies on a
    /// cycle (a ring) is treated as absent, so every node is placed exactly once.
    /// </summary>
    public static IReadOnlyList<PlacedNode> Arrange(IReadOnlyList<TreeNode> nodes)
    {
        var known = nodes.Select(n => n.Id).ToHashSet();
        var parentOf = nodes.ToDictionary(n => n.Id, n => n.Parent is { } p && known.Contains(p) && p != n.Id ? n.Parent : null);
        foreach (var node in nodes)
        {
            BreakCycle(node.Id, parentOf);
        }

        var children = nodes.Where(n => parentOf[n.Id] is not null).GroupBy(n => parentOf[n.Id]!.Value).ToDictionary(g => g.Key, g => g.Select(n => n.Id).ToList());
        var placed = new Dictionary<Guid, PlacedNode>();
        var nextRow = 0;
        foreach (var root in nodes.Where(n => parentOf[n.Id] is null))
        {
            Place(root.Id, 0);
        }

        return [.. nodes.Select(n => placed[n.Id])];

        double Place(Guid id, int depth)
        {
            var kids = children.GetValueOrDefault(id) ?? [];
            var rows = kids.Select(k => Place(k, depth + 1)).ToList();
            var row = rows.Count == 0 ? nextRow++ : (rows[0] + rows[^1]) / 2;
            placed[id] = new PlacedNode(id, parentOf[id], depth, row);
            return row;
        }
    }

    private static void BreakCycle(Guid start, Dictionary<Guid, Guid?> parentOf)
    {
        var seen = new HashSet<Guid> { start };
        var current = start;
        while (parentOf[current] is { } parent)
        {
            if (!seen.Add(parent))
            {
                parentOf[current] = null;
                return;
            }

            current = parent;
        }
    }
}
