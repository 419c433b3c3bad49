namespace Qunyun.Engine.Simulation;

/// <summary>Who a simulated member is and which groups they belong to when.</summary>
public sealed record MemberPlan(
    int Index,
    bool Chinese,
    int HomeChannel,
    double Talk,
    bool ChecksIn,
    IReadOnlyList<string> Interests,
    IReadOnlyList<PlannedMembership> Memberships)
{
    /// <summary>When the member first appeared (their earliest join).</summary>
    public DateTime FirstSeen { get; } = Memberships.Count > 0 ? Memberships.Min(m => m.JoinedAt) : DateTime.MinValue;
}

/// <summary>
/// A membership: joined before the period (<see cref="JoinsDuringPeriod"/> false: it exists from the start) or during
/// it (then a <c>member_joined</c> event creates it); left during the period when <see cref="LeftAt"/> is set.
/// </summary>
public sealed record PlannedMembership(int Group, DateTime JoinedAt, bool JoinsDuringPeriod, DateTime? LeftAt, bool Admin);

/// <summary>Plans member number <c>n</c> from the seed alone, so a member's story never depends on how many others there are.</summary>
public static class MemberPlanner
{
    public const double ChineseShare = 0.7;
    public const double CheckInShare = 0.12;

    public static MemberPlan Plan(int seed, int n, SimulationSetup setup, SimulationCalendar calendar)
    {
        var random = SimRandom.For(seed, n, 1);
        var chinese = random.NextDouble() < ChineseShare;
        var channels = chinese || setup.OtherChannels.Count == 0 ? setup.ChineseChannels : setup.OtherChannels;
        var home = channels[random.Next(channels.Count)];
        var talk = Talkativeness.Draw(random);
        var checksIn = random.NextDouble() < CheckInShare;

        var candidates = Enumerable.Range(0, setup.Groups.Count).Where(g => setup.Groups[g].Channel == home).ToList();
        candidates = candidates.Count > 0 ? candidates : Enumerable.Range(0, setup.Groups.Count).ToList();
        var count = Math.Min(candidates.Count, 1 + random.Next(3));
        // Weighted sampling without replacement (Efraimidis–Spirakis): the largest u^(1/w) win. A light group (weight
        // below 1, e.g. a curated feedback group) is also often passed over as a second or third group.
        var chosen = candidates
            .Select(g => (Group: g, Key: Math.Pow(random.NextDouble(), 1 / setup.Groups[g].Weight)))
            .OrderByDescending(c => c.Key).Take(count).Select(c => c.Group)
            .Where((g, rank) => random.NextDouble() < setup.Groups[g].Weight || rank == 0).Order().ToList();
        var memberships = chosen.Select(g => PlanMembership(random, g, setup.Groups[g], calendar)).ToList();
        return new MemberPlan(n, chinese, home, talk, checksIn, Interests(random, setup, chosen), memberships);
    }

    private static PlannedMembership PlanMembership(Random random, int group, SimGroup simGroup, SimulationCalendar calendar)
    {
        var trajectory = simGroup.Trajectory;
        var joinDay = trajectory.SampleJoinDay(random, calendar.Days);
        var joinedAt = joinDay is { } day
            ? calendar.Utc(day, DailyRhythm.SampleTimeOfDay(random, calendar.DayOfWeek(day)))
            : calendar.Start.AddSeconds(-random.Next(3600, Math.Max(3601, simGroup.OpenedDaysBefore * 86400)));
        if (joinedAt >= calendar.End)
        {
            joinedAt = calendar.End.AddSeconds(-random.Next(300, 6 * 3600));
        }

        var leaveDay = trajectory.SampleLeaveDay(random, joinDay ?? -1, calendar.Days);
        DateTime? leftAt = leaveDay is { } leave ? calendar.Utc(leave, DailyRhythm.SampleTimeOfDay(random, calendar.DayOfWeek(leave))) : null;
        if (leftAt <= joinedAt.AddHours(1) || leftAt >= calendar.End)
        {
            leftAt = null;
        }

        var admin = random.NextDouble() < 0.01;
        return new PlannedMembership(group, joinedAt, joinDay is not null, leftAt, admin);
    }

    /// <summary>One to three interests: often a topic of a group the member chose, otherwise the popular topics first.</summary>
    private static List<string> Interests(Random random, SimulationSetup setup, List<int> groups)
    {
        var interests = new List<string>();
        var wanted = 1 + random.Next(3);
        foreach (var group in groups)
        {
            var topics = setup.Groups[group].Topics;
            if (topics.Count > 0 && random.NextDouble() < 0.6)
            {
                AddDistinct(interests, topics[random.Next(topics.Count)]);
            }
        }

        var zipf = setup.Topics.Select((_, rank) => 1.0 / (rank + 1)).ToList();
        for (var attempt = 0; interests.Count < wanted && attempt < 10 && setup.Topics.Count > 0; attempt++)
        {
            AddDistinct(interests, setup.Topics[random.Pick(zipf)]);
        }

        return interests;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
