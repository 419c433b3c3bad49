namespace Qunyun.Tests.Architecture;

/// <summary>
/// Feature folders (<c>Qunyun.Features.*</c>) form layers: a feature uses only features below it, and only their public
/// surfaces listed here. Read from the compiled host, so Blazor components count as well as code.
/// </summary>
public sealed class FeatureDependencyTests
{
    private static readonly IReadOnlyList<FeatureReference> References = FeatureReferences.Read(typeof(Program).Assembly.Location);

    [Fact]
    public void FeatureFolders_DependOnEachOther_WithoutCycles()
    {
        var graph = References.GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.Select(r => r.To).ToHashSet());

        var cycles = Cycles(graph).Select(cycle => string.Join(" -> ", cycle) + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1))
            .Select(step => References.First(r => r.From == step.First && r.To == step.Second))
            .Select(r => $"    {r.From} -> {r.To}: {r.FromType} uses {r.ToType}"))).ToList();

        Assert.True(cycles.Count == 0, "Feature folders import each other in a cycle:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Features_UseOtherFeatures_OnlyThroughTheirSurfaces()
    {
        var outside = References
            .Where(r => r.From != FeatureSurfaces.Composer)
            .Where(r => !FeatureSurfaces.Public.Contains(r.ToType) && !FeatureSurfaces.Entities.Contains(r.ToType))
            .Select(r => $"{r.FromType} uses {r.ToType}")
            .Distinct()
            .ToList();

        Assert.True(outside.Count == 0,
            "These types are not a public surface (FeatureSurfaces): move the code to the owner, add a seam, or list the type with why:\n"
            + string.Join("\n", outside));
    }

    [Fact]
    public void FeatureSurfaces_ListOnlyWhatIsInUse()
    {
        var used = References.Where(r => r.From != FeatureSurfaces.Composer).Select(r => r.ToType).ToHashSet();

        var unused = FeatureSurfaces.Public.Except(used).ToList();

        Assert.Equal([], unused);
    }

    [Fact]
    public void Cycles_OfAGraph_OnePathPerKnot()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C", "D"],
            ["C"] = ["A"],
            ["D"] = ["E"],
            ["E"] = [],
            ["F"] = ["G"],
            ["G"] = ["F"],
        };

        var cycles = Cycles(graph).Select(c => string.Join(">", c)).Order().ToList();

        Assert.Equal(["A>B>C>A", "F>G>F"], cycles);
    }

    /// <summary>One cycle per strongly connected component (Tarjan), as a closed path through it.</summary>
    private static IEnumerable<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in graph.Keys.Order())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components.Where(c => c.Count > 1).Select(c => PathThrough(graph, c));
    }

    /// <summary>A shortest way from the component's first node back to itself, staying inside the component.</summary>
    private static List<string> PathThrough(Dictionary<string, HashSet<string>> graph, HashSet<string> component)
    {
        var start = component.Order().First();
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in (graph.GetValueOrDefault(node) ?? []).Where(component.Contains).Order())
            {
                if (next == start)
                {
                    var path = new List<string> { start, node };
                    while (path[^1] != start)
                    {
                        path.Add(previous[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [start];
    }
}
