namespace Qunyun.Engine.Simulation;

/// <summary>
/// One member's 90 days, drawn from the member's own random stream: joins and leaves, messages and reactions in
/// their groups (rate × talkativeness × the group's level that day × the rhythm), morning check-ins, content views,
/// purchases and offline events following their interests. Replies and reaction targets are linked afterwards by
/// <see cref="Conversations"/>, once everybody's messages are known.
/// </summary>
internal sealed class MemberTraffic(int seed, MemberPlan member, SimulationSetup setup, SimulationCalendar calendar, TrafficRates rates, double[][] groupNoise)
{
    private readonly Random _random = SimRandom.For(seed, member.Index, 2);
    private readonly List<SimEvent> _events = [];
    private int _interactions;

    public List<SimEvent> Generate()
    {
        for (var i = 0; i < member.Memberships.Count; i++)
        {
            InGroup(member.Memberships[i], firstGroup: i == 0);
        }

        var (from, to) = Span();
        if (from < to)
        {
            ContentViews(from, to);
            Purchases(from, to);
            Gatherings(from, to);
            if (_interactions == 0)
            {
                FallbackView(from, to);
            }
        }

        return _events;
    }

    private void InGroup(PlannedMembership membership, bool firstGroup)
    {
        var group = setup.Groups[membership.Group];
        var until = membership.LeftAt ?? calendar.End;
        if (membership.JoinsDuringPeriod)
        {
            Add(SimKind.Joined, membership.Group, membership.JoinedAt);
            var introduced = membership.JoinedAt.AddSeconds(_random.Next(30, 40 * 60));
            if (_random.NextDouble() < rates.IntroductionShare && introduced < until)
            {
                Add(SimKind.Message, membership.Group, introduced, variant: _random.Next(), introduction: true);
            }
        }

        var first = Math.Max(0, calendar.DayOf(membership.JoinedAt));
        var last = Math.Min(calendar.Days - 1, calendar.DayOf(until));
        for (var day = first; day <= last; day++)
        {
            var level = group.Trajectory.Level(day, calendar.Days) * groupNoise[membership.Group][day];
            if (level <= 0)
            {
                continue;
            }

            var weekday = calendar.DayOfWeek(day);
            var pace = level * DailyRhythm.DayFactor(weekday);
            Talk(SimKind.Message, membership, day, rates.MessagesPerGroupDay * member.Talk * pace, until);
            Talk(SimKind.Reaction, membership, day, rates.ReactionsPerGroupDay * (0.25 + Math.Sqrt(member.Talk)) * pace, until);
            if (member.ChecksIn && firstGroup && _random.NextDouble() < rates.CheckInChance * Math.Min(1, level))
            {
                var morning = DailyRhythm.IsWeekend(weekday) ? TimeSpan.FromHours(8.5) : TimeSpan.FromHours(7);
                AddWithin(SimKind.CheckIn, membership.Group, calendar.Utc(day, morning + TimeSpan.FromSeconds(_random.Next(150 * 60))), membership.JoinedAt, until);
            }
        }

        if (membership.LeftAt is { } left)
        {
            Add(SimKind.Left, membership.Group, left);
        }
    }

    private void Talk(SimKind kind, PlannedMembership membership, int day, double rate, DateTime until)
    {
        for (var count = _random.Poisson(rate); count > 0; count--)
        {
            var at = calendar.Utc(day, DailyRhythm.SampleTimeOfDay(_random, calendar.DayOfWeek(day)));
            AddWithin(kind, membership.Group, at, membership.JoinedAt, until, variant: _random.Next());
        }
    }

    private void ContentViews(int from, int to)
    {
        var appetite = rates.ContentViewsPerDay * (0.5 + 0.35 * Math.Min(member.Talk, 3));
        for (var day = from; day <= to; day++)
        {
            if (_random.NextDouble() < appetite * DailyRhythm.DayFactor(calendar.DayOfWeek(day)))
            {
                View(day, _random.Pick(setup.Content.Select(c => c.PublishedDay > day ? 0 : Affinity(c.Topics, 5) * Math.Exp((c.PublishedDay - day) / 12.0)).Append(1e-9).ToList()));
            }
        }
    }

    private void View(int day, int item)
    {
        if (item >= setup.Content.Count)
        {
            return; // nothing published yet
        }

        var at = calendar.Utc(day, DailyRhythm.SampleTimeOfDay(_random, calendar.DayOfWeek(day)));
        var published = calendar.Utc(setup.Content[item].PublishedDay, TimeSpan.FromHours(20));
        AddMemberEvent(SimKind.ContentViewed, at > published ? at : published.AddSeconds(_random.Next(60, 180 * 60)), item);
    }

    private void Purchases(int from, int to)
    {
        var campaigns = member.Memberships.Select(m => setup.Groups[m.Group].Trajectory).Where(t => t.Kind == TrajectoryKind.Campaign).ToList();
        var appetite = rates.PurchasesPerDay * (0.4 + 0.3 * Math.Min(member.Talk, 4));
        for (var day = from; day <= to; day++)
        {
            var boost = campaigns.Any(c => day >= c.Start && day <= Math.Min(c.Peak, c.End)) ? 3 : 1;
            if (_random.NextDouble() >= appetite * boost * DailyRhythm.DayFactor(calendar.DayOfWeek(day)))
            {
                continue;
            }

            var weights = setup.Products.Select(p => Affinity(p.Topics, 6)).ToList();
            var count = 1 + (_random.NextDouble() < 0.3 ? 1 : 0) + (_random.NextDouble() < 0.1 ? 1 : 0);
            var lines = Enumerable.Range(0, count).Select(_ => _random.Pick(weights)).Distinct()
                .Select(p => new SimLine(p, _random.NextDouble() < 0.2 ? 2 : 1)).ToList();
            var at = calendar.Utc(day, DailyRhythm.SampleTimeOfDay(_random, calendar.DayOfWeek(day)));
            AddMemberEvent(SimKind.Purchase, at, lines: lines);
        }
    }

    private void Gatherings(int from, int to)
    {
        for (var g = 0; g < setup.Gatherings.Count; g++)
        {
            var gathering = setup.Gatherings[g];
            var chance = rates.AttendanceChance * (Affinity(gathering.Topics, 1) > 1 ? 1 : 0.05) * (0.6 + 0.4 * Math.Min(member.Talk, 2));
            if (gathering.Day >= from && gathering.Day <= to && _random.NextDouble() < chance)
            {
                AddMemberEvent(SimKind.EventAttended, calendar.Utc(gathering.Day, gathering.LocalTime).AddSeconds(_random.Next(-20 * 60, 40 * 60)), g);
            }
        }
    }

    /// <summary>Every member did something in the period: at least they read something.</summary>
    private void FallbackView(int from, int to)
    {
        var day = _random.Next(from, to + 1);
        var published = Enumerable.Range(0, setup.Content.Count).Where(c => setup.Content[c].PublishedDay < day).ToList();
        if (published.Count > 0)
        {
            View(day, published[_random.Next(published.Count)]);
        }
    }

    /// <summary>Weight of something with these topics for this member: <paramref name="boost"/> when it matches an interest.</summary>
    private double Affinity(IReadOnlyList<string> topics, double boost) => topics.Any(member.Interests.Contains) ? boost : 1;

    /// <summary>The days the member is around at all: from the first join (or day 0) to the last leave (or today).</summary>
    private (int From, int To) Span()
    {
        var from = Math.Max(0, calendar.DayOf(member.FirstSeen));
        var leaves = member.Memberships.All(m => m.LeftAt is not null);
        var to = leaves ? calendar.DayOf(member.Memberships.Max(m => m.LeftAt!.Value)) - 1 : calendar.Days - 1;
        return (from, Math.Min(to, calendar.Days - 1));
    }

    private void AddWithin(SimKind kind, int group, DateTime at, DateTime joined, DateTime until, int variant = 0)
    {
        if (at > joined && at < until && at <= calendar.End)
        {
            Add(kind, group, at, variant: variant);
        }
    }

    private void AddMemberEvent(SimKind kind, DateTime at, int item = -1, IReadOnlyList<SimLine>? lines = null)
    {
        if (at > member.FirstSeen && at >= calendar.Start && at <= calendar.End)
        {
            Add(kind, -1, at, item, lines: lines);
        }
    }

    private void Add(SimKind kind, int group, DateTime at, int item = -1, int variant = 0, bool introduction = false, IReadOnlyList<SimLine>? lines = null)
    {
        _events.Add(new SimEvent(kind, member.Index, group, at, $"sim-{member.Index}-{_events.Count}", item, variant, introduction, lines));
        _interactions += kind is SimKind.Message or SimKind.CheckIn or SimKind.ContentViewed or SimKind.EventAttended or SimKind.Purchase ? 1 : 0;
    }
}
