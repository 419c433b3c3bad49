namespace Qunyun.Engine.Simulation;

/// <summary>
/// Simulates the traffic of a community over a <see cref="SimulationCalendar"/>: every member's events, replies and
/// reactions linked, in chronological order. The same seed, setup, calendar and members always give the same events
/// with the same ids.
/// </summary>
public static class TrafficSimulator
{
    /// <summary>Spread of a group's day-to-day mood (log-normal): some days a topic takes off, some days are flat.</summary>
    private const double DailySpread = 0.35;

    public static List<SimEvent> Generate(int seed, SimulationSetup setup, SimulationCalendar calendar, IReadOnlyList<MemberPlan> members, TrafficRates? rates = null)
    {
        rates ??= TrafficRates.Default;
        var noise = GroupNoise(seed, setup.Groups.Count, calendar.Days);
        var byMember = members.Select(m => new MemberTraffic(seed, m, setup, calendar, rates, noise).Generate()).ToList();
        Conversations.Link(seed, byMember, members, setup.Groups.Count, rates);
        var events = byMember.SelectMany(e => e).ToList();
        events.Sort(Conversations.Chronologically);
        return events;
    }

    private static double[][] GroupNoise(int seed, int groups, int days)
    {
        var meanCorrection = DailySpread * DailySpread / 2;
        return Enumerable.Range(0, groups).Select(g =>
        {
            var random = SimRandom.For(seed, g, 4);
            return Enumerable.Range(0, days).Select(_ => Math.Exp(DailySpread * random.Gaussian() - meanCorrection)).ToArray();
        }).ToArray();
    }
}
