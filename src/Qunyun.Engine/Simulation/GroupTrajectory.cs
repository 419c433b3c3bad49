namespace Qunyun.Engine.Simulation;

public enum TrajectoryKind
{
    /// <summary>An operated long-term group: level activity, a trickle of joins and leaves.</summary>
    Steady,

    /// <summary>A group on the rise: activity and joins climb over the period.</summary>
    Growing,

    /// <summary>
    /// Gathered and then left alone: "a group that is not operated goes silent within three months". Activity fades
    /// and stops <see cref="GroupTrajectory.SilentDays"/> days before the end; members drift away.
    /// </summary>
    Decaying,

    /// <summary>A short-term activity group: opens on <c>Start</c>, builds up to the event on <c>Peak</c>, falls silent after <c>End</c>.</summary>
    Campaign,
}

/// <summary>
/// How a group's life runs over the simulated days (day 0 is the first day, <c>days − 1</c> today): an activity level
/// per day (1 = an ordinary operated group) and when its members join and leave.
/// </summary>
public sealed record GroupTrajectory(TrajectoryKind Kind, int Start = 0, int Peak = 0, int End = 0)
{
    /// <summary>A decaying group says nothing in its last this-many days.</summary>
    public const int SilentDays = 18;

    public static readonly GroupTrajectory Steady = new(TrajectoryKind.Steady);
    public static readonly GroupTrajectory Growing = new(TrajectoryKind.Growing);
    public static readonly GroupTrajectory Decaying = new(TrajectoryKind.Decaying);

    public static GroupTrajectory Campaign(int start, int peak, int end) => new(TrajectoryKind.Campaign, start, peak, end);

    /// <summary>
    /// Left alone more recently: fading the same way, but silent only from day <paramref name="silentFrom"/> (past the
    /// period), so on the last day it is still declining (what the health forecast has to see coming).
    /// </summary>
    public static GroupTrajectory Fading(int silentFrom) => new(TrajectoryKind.Decaying, End: silentFrom);

    /// <summary>The first silent day of a decaying group: <see cref="End"/> when set (<see cref="Fading"/>), else <see cref="SilentDays"/> before the end.</summary>
    private int SilentFrom(int days) => End > 0 ? End : days - SilentDays;

    /// <summary>Whether the group exists before the first simulated day (campaign groups open during the period).</summary>
    public bool OpensBeforePeriod => Kind != TrajectoryKind.Campaign || Start <= 0;

    public double Level(int day, int days) => Kind switch
    {
        TrajectoryKind.Steady => 1,
        TrajectoryKind.Growing => 0.35 + 1.3 * day / (days - 1.0),
        TrajectoryKind.Decaying => day >= SilentFrom(days) ? 0 : Math.Pow(1 - day / (double)SilentFrom(days), 1.6),
        _ => CampaignLevel(day),
    };

    /// <summary>The day a member joins, or null when the member was already in the group before the period.</summary>
    public int? SampleJoinDay(Random random, int days)
    {
        var chance = random.NextDouble();
        return Kind switch
        {
            TrajectoryKind.Steady => chance < 0.15 ? random.Next(days) : null,
            TrajectoryKind.Growing => chance < 0.55 ? WeightedDay(random, 0, days, days) : null,
            TrajectoryKind.Decaying => chance < 0.06 ? random.Next(Math.Min(30, days)) : null,
            _ when Start <= 0 => null,
            _ => Math.Min(days - 1, Start + (int)(Math.Max(1, Math.Min(Peak, days) - Start) * Math.Pow(random.NextDouble(), 1.5))),
        };
    }

    /// <summary>The day a member who joined on <paramref name="joinDay"/> (−1: before the period) leaves, or null if they stay.</summary>
    public int? SampleLeaveDay(Random random, int joinDay, int days)
    {
        var chance = random.NextDouble();
        var from = Math.Max(joinDay + 1, 0);
        int? day = Kind switch
        {
            TrajectoryKind.Steady => chance < 0.05 ? random.Next(from, days + 1) : null,
            TrajectoryKind.Growing => chance < 0.03 ? random.Next(from, days + 1) : null,
            TrajectoryKind.Decaying => chance < 0.45 ? from + (int)((days - from) * Math.Sqrt(random.NextDouble())) : null,
            _ => chance < 0.3 && End < days - 1 ? Math.Max(from, End + random.Next(1, 8)) : null,
        };
        return day < days ? day : null;
    }

    private double CampaignLevel(int day)
    {
        if (day < Start || day > End)
        {
            return 0;
        }

        return day <= Peak
            ? 0.5 + 2.0 * (day - Start + 1) / (Peak - Start + 1.0)
            : 0.4;
    }

    /// <summary>A day drawn with probability proportional to the level (joins follow activity).</summary>
    private int WeightedDay(Random random, int from, int to, int days)
    {
        while (true)
        {
            var day = random.Next(from, to);
            if (random.NextDouble() * 1.7 < Level(day, days))
            {
                return day;
            }
        }
    }
}
