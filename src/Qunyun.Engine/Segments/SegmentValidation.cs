namespace Qunyun.Engine.Segments;

/// <summary>A problem in a definition, at a path such as <c>Children[1].TagId</c> (empty for the root itself).</summary>
public sealed record SegmentError(string Path, string Message);

/// <summary>
/// Checks a definition's shape: every node has a known type and the fields its type needs, and the tree stays within
/// the limits that keep the compiled SQL small. Whether the tags, groups and channels exist is the host's business.
/// </summary>
public static class SegmentValidation
{
    public const int MaxDepth = 8;
    public const int MaxNodes = 100;
    public const int MaxDays = 36_500;
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 500;

    public static IReadOnlyList<SegmentError> Validate(SegmentNode? root)
    {
        var errors = new List<SegmentError>();
        if (root is null)
        {
            errors.Add(new SegmentError("", "A definition is required."));
            return errors;
        }

        var nodes = 0;
        Check(root, "", 1, errors, ref nodes);
        if (nodes > MaxNodes)
        {
            errors.Add(new SegmentError("", $"At most {MaxNodes} conditions and groups; this definition has {nodes}."));
        }

        return errors;
    }

    /// <summary>Joins a prefix and a path from <see cref="Validate"/>: <c>Join("Definition", "Children[0]")</c>.</summary>
    public static string Join(string prefix, string path) =>
        path.Length == 0 ? prefix : prefix.Length == 0 ? path : $"{prefix}.{path}";

    /// <summary>Every node with its path, depth first; for checks the host makes on the leaves' ids and keys.</summary>
    public static IEnumerable<(string Path, SegmentNode Node)> Walk(SegmentNode root, string path = "")
    {
        yield return (path, root);
        var children = root.Children ?? [];
        for (var i = 0; i < children.Count; i++)
        {
            foreach (var descendant in Walk(children[i], Join(path, $"{nameof(SegmentNode.Children)}[{i}]")))
            {
                yield return descendant;
            }
        }
    }

    private static void Check(SegmentNode node, string path, int depth, List<SegmentError> errors, ref int nodes)
    {
        nodes++;
        if (depth > MaxDepth)
        {
            errors.Add(new SegmentError(path, $"Groups nest at most {MaxDepth} levels deep."));
            return;
        }

        if (node.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(new SegmentError(Join(path, nameof(SegmentNode.Type)), "Unknown or missing node type."));
            return;
        }

        if (node.IsGroup)
        {
            CheckChildren(node, type, path, depth, errors, ref nodes);
        }
        else
        {
            CheckCondition(node, type, path, errors);
        }
    }

    private static void CheckChildren(SegmentNode node, SegmentNodeType type, string path, int depth, List<SegmentError> errors, ref int nodes)
    {
        var field = Join(path, nameof(SegmentNode.Children));
        if (node.Children is null)
        {
            errors.Add(new SegmentError(field, $"A '{Name(type)}' group needs children."));
            return;
        }

        if (type == SegmentNodeType.Not && node.Children.Count != 1)
        {
            errors.Add(new SegmentError(field, "A 'not' group has exactly one child."));
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var childPath = $"{field}[{i}]";
            if (node.Children[i] is null)
            {
                errors.Add(new SegmentError(childPath, "A child cannot be null."));
                continue;
            }

            Check(node.Children[i], childPath, depth + 1, errors, ref nodes);
        }
    }

    private static void CheckCondition(SegmentNode node, SegmentNodeType type, string path, List<SegmentError> errors)
    {
        void Require(bool present, string field, string message)
        {
            if (!present)
            {
                errors.Add(new SegmentError(Join(path, field), message));
            }
        }

        switch (type)
        {
            case SegmentNodeType.HasTag:
                Require(node.TagId is { } tag && tag != Guid.Empty, nameof(node.TagId), "A tag id is required.");
                break;
            case SegmentNodeType.Interest:
                Require(node.TagId is { } interest && interest != Guid.Empty, nameof(node.TagId), "An interest tag id is required.");
                Require(node.MinWeight is { } weight && double.IsFinite(weight) && weight >= 0, nameof(node.MinWeight),
                    "A minimum weight of 0 or more is required.");
                break;
            case SegmentNodeType.InGroup:
                Require(node.GroupId is { } group && group != Guid.Empty, nameof(node.GroupId), "A group id is required.");
                break;
            case SegmentNodeType.InGroupOfType:
                Require(node.GroupType is { } groupType && Enum.IsDefined(groupType), nameof(node.GroupType), "A group type is required.");
                break;
            case SegmentNodeType.OnChannel:
                Require(node.ChannelId is { } channel && channel != Guid.Empty, nameof(node.ChannelId), "A channel id is required.");
                break;
            case SegmentNodeType.JoinedBefore or SegmentNodeType.JoinedAfter or SegmentNodeType.LastActiveBefore or SegmentNodeType.LastActiveAfter:
                Require(node.At is { Year: >= 1970 and <= 9000 }, nameof(node.At), "A date and time (ISO 8601) is required.");
                break;
            case SegmentNodeType.JoinedWithinDays or SegmentNodeType.ActiveWithinDays or SegmentNodeType.InactiveForDays:
                Require(node.Days is >= 1 and <= MaxDays, nameof(node.Days), $"A number of days from 1 to {MaxDays} is required.");
                break;
            case SegmentNodeType.ScoreAtLeast or SegmentNodeType.ScoreAtMost:
                Require(node.Score is { } score && double.IsFinite(score) && score >= 0, nameof(node.Score), "A score of 0 or more is required.");
                break;
            case SegmentNodeType.AttributeEquals or SegmentNodeType.AttributeContains:
                RequireKey(node, path, errors);
                Require(node.Value is { Length: > 0 and <= MaxValueLength }, nameof(node.Value), $"A value of 1 to {MaxValueLength} characters is required.");
                break;
            case SegmentNodeType.AttributeExists or SegmentNodeType.AttributeMissing:
                RequireKey(node, path, errors);
                break;
        }
    }

    private static void RequireKey(SegmentNode node, string path, List<SegmentError> errors)
    {
        if (node.Key is not { Length: > 0 and <= MaxKeyLength })
        {
            errors.Add(new SegmentError(Join(path, nameof(node.Key)), $"An attribute key of 1 to {MaxKeyLength} characters is required."));
        }
    }

    private static string Name(SegmentNodeType type) => type.ToString().ToLowerInvariant();
}
