namespace Qunyun.Engine.Groups.Splitting;

/// <summary>
/// Who talks to whom: an undirected weighted graph on members numbered 0…n−1 (a reply or a mention between two members
/// adds to their edge). Neighbours are kept sorted by number, so every walk over the graph is in the same order.
/// </summary>
public sealed class InteractionGraph
{
    private readonly SortedDictionary<int, double>[] _neighbours;

    public InteractionGraph(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodes);
        _neighbours = new SortedDictionary<int, double>[nodes];
        for (var i = 0; i < nodes; i++)
        {
            _neighbours[i] = [];
        }
    }

    public int Count => _neighbours.Length;

    /// <summary>Adds <paramref name="weight"/> to the edge between two members; a member talking to themselves is ignored.</summary>
    public void Add(int a, int b, double weight = 1)
    {
        if (a == b || weight <= 0)
        {
            return;
        }

        _neighbours[a][b] = _neighbours[a].GetValueOrDefault(b) + weight;
        _neighbours[b][a] = _neighbours[b].GetValueOrDefault(a) + weight;
    }

    public IReadOnlyDictionary<int, double> NeighboursOf(int node) => _neighbours[node];

    public double Weight(int a, int b) => _neighbours[a].GetValueOrDefault(b);

    public double Degree(int node) => _neighbours[node].Values.Sum();

    /// <summary>The graph on <paramref name="nodes"/> alone, renumbered in the order given.</summary>
    public InteractionGraph Induced(IReadOnlyList<int> nodes)
    {
        var index = new Dictionary<int, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            index[nodes[i]] = i;
        }

        var induced = new InteractionGraph(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var (other, weight) in _neighbours[nodes[i]])
            {
                if (index.TryGetValue(other, out var j) && i < j)
                {
                    induced.Add(i, j, weight);
                }
            }
        }

        return induced;
    }
}
