namespace Qunyun.Engine.Segments;

/// <summary>
/// Splits members ranked by interest into invitation lists for topic groups of at most <c>groupSize</c>.
/// The lists are as even as possible, and ranks are dealt in a snake (1→k, k→1, …) so every group gets some of the
/// keenest members to carry its conversation instead of one group of enthusiasts and one of bystanders.
/// </summary>
public static class InvitationSplit
{
    public static IReadOnlyList<IReadOnlyList<T>> Deal<T>(IReadOnlyList<T> ranked, int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        if (ranked.Count == 0)
        {
            return [];
        }

        var count = (ranked.Count + groupSize - 1) / groupSize;
        var lists = Enumerable.Range(0, count).Select(_ => new List<T>(groupSize)).ToArray();
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var round = rank / count;
            var slot = rank % count;
            lists[round % 2 == 0 ? slot : count - 1 - slot].Add(ranked[rank]);
        }

        return lists;
    }
}
