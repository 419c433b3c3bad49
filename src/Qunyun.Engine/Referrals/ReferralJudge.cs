namespace Qunyun.Engine.Referrals;

/// <summary>
/// One attributed join: <see cref="Inviter"/> (the participant whose link was used) brought <see cref="Helper"/>.
/// Both are members as resolved now, so identities merged since the join count as one person.
/// </summary>
/// <param name="KnownBefore">The helper was a member or contact of the workspace before this join.</param>
/// <param name="ActiveAfterJoin">The helper wrote, reacted or checked in after joining.</param>
public sealed record HelpFact(Guid Id, Guid Inviter, Guid Helper, DateTime JoinedAt, DateTime? LeftAt, bool KnownBefore, bool ActiveAfterJoin);

/// <param name="StayDays">A help counts once the friend stayed this long.</param>
/// <param name="BurstCount">This many new accounts from one inviter …</param>
/// <param name="BurstMinutes">… within this many minutes are a burst.</param>
public sealed record JudgeSettings(int StayDays, int BurstCount, int BurstMinutes);

public enum HelpStatus
{
    /// <summary>Inside the stay window; counts once it passes.</summary>
    Pending,
    Valid,

    /// <summary>The friend left inside the stay window.</summary>
    Revoked,

    /// <summary>Suspected fraud; does not count.</summary>
    Flagged,

    /// <summary>Not a new friend for this inviter (known before, or bound to someone else first).</summary>
    NotCounted,
}

public enum HelpReason
{
    SelfReferral,
    AlreadyMember,
    AlreadyBound,
    LeftEarly,
    Ring,
    Burst,
    NoActivity,
}

/// <param name="ValidFrom">When the stay window ends (join + stay days).</param>
public sealed record HelpVerdict(Guid Id, HelpStatus Status, IReadOnlyList<HelpReason> Reasons, DateTime ValidFrom);

/// <summary>
/// Decides every help of a campaign at once, because rings, bursts and first bindings are properties of the whole graph,
/// not of one join. Pure: the same facts and time give the same verdicts, so a re-run after a merge or a leave is safe.
/// </summary>
public static class ReferralJudge
{
    public static IReadOnlyList<HelpVerdict> Judge(IReadOnlyList<HelpFact> helps, JudgeSettings settings, DateTime now)
    {
        var stay = TimeSpan.FromDays(settings.StayDays);
        var firstBinding = helps.Where(h => h.Inviter != h.Helper).GroupBy(h => h.Helper)
            .Select(g => g.OrderBy(h => h.JoinedAt).ThenBy(h => h.Id).First().Id).ToHashSet();
        var inRing = RingEdges(helps);
        var inBurst = BurstHelps(helps.Where(h => firstBinding.Contains(h.Id) && !h.KnownBefore).ToList(), settings);
        return [.. helps.Select(h => Decide(h, h.JoinedAt + stay))];

        HelpVerdict Decide(HelpFact help, DateTime validFrom)
        {
            if (help.Inviter == help.Helper)
            {
                return new(help.Id, HelpStatus.Flagged, [HelpReason.SelfReferral], validFrom);
            }

            if (!firstBinding.Contains(help.Id))
            {
                return new(help.Id, HelpStatus.NotCounted, [HelpReason.AlreadyBound], validFrom);
            }

            if (help.KnownBefore)
            {
                return new(help.Id, HelpStatus.NotCounted, [HelpReason.AlreadyMember], validFrom);
            }

            if (help.LeftAt is { } left && left < validFrom)
            {
                return new(help.Id, HelpStatus.Revoked, [HelpReason.LeftEarly], validFrom);
            }

            var flags = new List<HelpReason>();
            if (inRing.Contains(help.Id))
            {
                flags.Add(HelpReason.Ring);
            }

            if (inBurst.Contains(help.Id))
            {
                flags.Add(HelpReason.Burst);
            }

            if (now >= validFrom && !help.ActiveAfterJoin)
            {
                flags.Add(HelpReason.NoActivity);
            }

            return flags.Count > 0 ? new(help.Id, HelpStatus.Flagged, flags, validFrom)
                : new(help.Id, now >= validFrom ? HelpStatus.Valid : HelpStatus.Pending, [], validFrom);
        }
    }

    /// <summary>Helps whose inviter and helper lie on one cycle of the who-brought-whom graph (Tarjan's components).</summary>
    public static HashSet<Guid> RingEdges(IReadOnlyList<HelpFact> helps)
    {
        var edges = helps.Where(h => h.Inviter != h.Helper).ToList();
        var next = edges.GroupBy(e => e.Inviter).ToDictionary(g => g.Key, g => g.Select(e => e.Helper).Distinct().ToList());
        var component = StronglyConnected(edges.SelectMany(e => new[] { e.Inviter, e.Helper }).Distinct(), next);
        var sizes = component.Values.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        return [.. edges.Where(e => component[e.Inviter] == component[e.Helper] && sizes[component[e.Inviter]] > 1).Select(e => e.Id)];
    }

    /// <summary>Per inviter, every help inside some window of <see cref="JudgeSettings.BurstMinutes"/> holding at least <see cref="JudgeSettings.BurstCount"/>.</summary>
    public static HashSet<Guid> BurstHelps(IReadOnlyList<HelpFact> helps, JudgeSettings settings)
    {
        var window = TimeSpan.FromMinutes(settings.BurstMinutes);
        var flagged = new HashSet<Guid>();
        foreach (var joins in helps.GroupBy(h => h.Inviter).Select(g => g.OrderBy(h => h.JoinedAt).ToList()))
        {
            var start = 0;
            for (var end = 0; end < joins.Count; end++)
            {
                while (joins[end].JoinedAt - joins[start].JoinedAt >= window)
                {
                    start++;
                }

                if (end - start + 1 >= settings.BurstCount)
                {
                    for (var i = start; i <= end; i++)
                    {
                        flagged.Add(joins[i].Id);
                    }
                }
            }
        }

        return flagged;
    }

    private static Dictionary<Guid, int> StronglyConnected(IEnumerable<Guid> nodes, Dictionary<Guid, List<Guid>> next)
    {
        var (index, low, component) = (new Dictionary<Guid, int>(), new Dictionary<Guid, int>(), new Dictionary<Guid, int>());
        var (stack, onStack) = (new Stack<Guid>(), new HashSet<Guid>());
        var counter = 0;
        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            // Iterative, so a long chain of referrals cannot overflow the stack.
            var work = new Stack<(Guid Node, int Child)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, child) = work.Pop();
                if (child == 0)
                {
                    index[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack.Add(node);
                }

                var children = next.GetValueOrDefault(node) ?? [];
                if (child > 0)
                {
                    low[node] = Math.Min(low[node], low[children[child - 1]]);
                }

                while (child < children.Count && index.ContainsKey(children[child]))
                {
                    if (onStack.Contains(children[child]))
                    {
                        low[node] = Math.Min(low[node], index[children[child]]);
                    }

                    child++;
                }

                if (child < children.Count)
                {
                    work.Push((node, child + 1));
                    work.Push((children[child], 0));
                    continue;
                }

                if (low[node] == index[node])
                {
                    Guid member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component[member] = index[node];
                    }
                    while (member != node);
                }
            }
        }

        return component;
    }
}
