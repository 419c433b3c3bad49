namespace Qunyun.Engine.Groups.Splitting;

/// <summary>The k subgroups as they fill, with a size cap a little above n/k so that they stay balanced.</summary>
internal sealed class Bins
{
    private readonly InteractionGraph _graph;
    private readonly IReadOnlyList<IReadOnlyDictionary<Guid, double>> _interests;
    private readonly List<int>[] _members;
    private readonly Dictionary<Guid, double>[] _profiles;
    private readonly int _floor;

    public Bins(InteractionGraph graph, int k, IReadOnlyList<IReadOnlyDictionary<Guid, double>> interests)
    {
        _graph = graph;
        _interests = interests;
        _members = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        _profiles = Enumerable.Range(0, k).Select(_ => new Dictionary<Guid, double>()).ToArray();
        var slack = Math.Max(1, graph.Count / (10 * k));
        Cap = (graph.Count + k - 1) / k + slack;
        _floor = Math.Max(1, graph.Count / k - slack);
        Assignment = Enumerable.Repeat(-1, graph.Count).ToArray();
    }

    public int Cap { get; }

    public int[] Assignment { get; }

    /// <summary>Whole into the subgroup it talks to most that has room (then the smallest); member by member when none has.</summary>
    public void PlacePiece(List<int> piece)
    {
        var fitting = Enumerable.Range(0, _members.Length).Where(b => _members[b].Count + piece.Count <= Cap).ToList();
        if (fitting.Count > 0)
        {
            var bin = Best(fitting, b => piece.Sum(n => TiesTo(n, b)));
            piece.ForEach(n => Put(n, bin));
            return;
        }

        foreach (var node in piece)
        {
            Put(node, Best(WithRoom(), b => TiesTo(node, b)));
        }
    }

    /// <summary>A member without interactions: the subgroup whose members share most of their interests, then the smallest.</summary>
    public void PlaceByInterests(int node) => Put(node, Best(WithRoom(), b => Affinity(node, b)));

    /// <summary>Fills subgroups below the floor from the biggest, moving the members least tied to where they are.</summary>
    public void Balance()
    {
        for (var small = Smallest(); _members[small].Count < _floor; small = Smallest())
        {
            var big = Enumerable.Range(0, _members.Length).OrderByDescending(b => _members[b].Count).ThenBy(b => b).First();
            if (_members[big].Count <= _members[small].Count + 1)
            {
                return;
            }

            var leaving = _members[big].OrderBy(n => TiesTo(n, big) - TiesTo(n, small)).ThenBy(n => n).First();
            Move(leaving, big, small);
        }
    }

    private List<int> WithRoom()
    {
        var open = Enumerable.Range(0, _members.Length).Where(b => _members[b].Count < Cap).ToList();
        return open.Count > 0 ? open : [.. Enumerable.Range(0, _members.Length)];
    }

    private int Best(List<int> candidates, Func<int, double> score) =>
        candidates.OrderByDescending(score).ThenBy(b => _members[b].Count).ThenBy(b => b).First();

    private int Smallest() => Enumerable.Range(0, _members.Length).OrderBy(b => _members[b].Count).ThenBy(b => b).First();

    private double TiesTo(int node, int bin) =>
        _graph.NeighboursOf(node).Where(n => Assignment[n.Key] == bin).Sum(n => n.Value);

    private double Affinity(int node, int bin) =>
        _members[bin].Count == 0 ? 0 : _interests[node].Sum(i => i.Value * _profiles[bin].GetValueOrDefault(i.Key)) / _members[bin].Count;

    private void Put(int node, int bin)
    {
        Assignment[node] = bin;
        _members[bin].Add(node);
        foreach (var (tag, weight) in _interests[node])
        {
            _profiles[bin][tag] = _profiles[bin].GetValueOrDefault(tag) + weight;
        }
    }

    private void Move(int node, int from, int to)
    {
        _members[from].Remove(node);
        foreach (var (tag, weight) in _interests[node])
        {
            _profiles[from][tag] -= weight;
        }

        Put(node, to);
    }
}
