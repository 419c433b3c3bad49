namespace Qunyun.Engine.Simulation;

/// <summary>
/// Links replies and reactions to earlier messages of the same group: a reply answers one of the last few messages
/// of the previous three hours, a reaction one of the messages of the previous ten hours, never the member's own.
/// A reaction with nothing to react to is dropped. Each member draws from their own stream, in member order.
/// </summary>
internal static class Conversations
{
    private static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(3);
    private static readonly TimeSpan ReactionWindow = TimeSpan.FromHours(10);

    public static void Link(int seed, List<List<SimEvent>> byMember, IReadOnlyList<MemberPlan> members, int groups, TrafficRates rates)
    {
        var messages = MessagesByGroup(byMember, groups);
        for (var m = 0; m < byMember.Count; m++)
        {
            var random = SimRandom.For(seed, members[m].Index, 3);
            var unanswered = new HashSet<SimEvent>(ReferenceEqualityComparer.Instance);
            foreach (var e in byMember[m])
            {
                if (e.Kind == SimKind.Message && !e.Introduction && random.NextDouble() < rates.ReplyShare)
                {
                    Answer(e, messages[e.Group], ReplyWindow, 6, random);
                }
                else if (e.Kind == SimKind.Reaction && !Answer(e, messages[e.Group], ReactionWindow, 20, random))
                {
                    unanswered.Add(e);
                }
            }

            byMember[m].RemoveAll(unanswered.Contains);
        }
    }

    private static List<SimEvent>[] MessagesByGroup(List<List<SimEvent>> byMember, int groups)
    {
        var messages = Enumerable.Range(0, groups).Select(_ => new List<SimEvent>()).ToArray();
        foreach (var e in byMember.SelectMany(events => events).Where(e => e.Kind == SimKind.Message))
        {
            messages[e.Group].Add(e);
        }

        foreach (var list in messages)
        {
            list.Sort(Chronologically);
        }

        return messages;
    }

    /// <summary>Sets the target to an earlier message by someone else; false when there is none.</summary>
    private static bool Answer(SimEvent e, List<SimEvent> messages, TimeSpan window, int recent, Random random)
    {
        var end = FirstAtOrAfter(messages, e.At);
        var start = FirstAtOrAfter(messages, e.At - window);
        var candidates = Math.Min(recent, end - start);
        for (var attempt = 0; attempt < 3 && candidates > 0; attempt++)
        {
            var target = messages[end - 1 - random.Next(candidates)];
            if (target.Member != e.Member)
            {
                e.TargetId = target.Id;
                return true;
            }
        }

        return false;
    }

    private static int FirstAtOrAfter(List<SimEvent> sorted, DateTime at)
    {
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sorted[middle].At < at ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    public static int Chronologically(SimEvent a, SimEvent b)
    {
        var byTime = a.At.CompareTo(b.At);
        return byTime != 0 ? byTime : a.Member != b.Member ? a.Member.CompareTo(b.Member) : string.CompareOrdinal(a.Id, b.Id);
    }
}
