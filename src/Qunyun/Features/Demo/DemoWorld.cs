using Qunyun.Engine.Simulation;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Demo;

/// <summary>
/// The demo catalogue placed on a calendar: the last 90 days up to the workspace's anchor, offline events and
/// campaign peaks moved to the nearest Saturday, and the simulator's view of it (<see cref="Setup"/>).
/// </summary>
internal sealed class DemoWorld
{
    public const int Seed = 20261123;
    public const int Days = 90;

    private DemoWorld(SimulationCalendar calendar)
    {
        Calendar = calendar;
        Trajectories = DemoCatalog.Groups.Select(g => TrajectoryOf(g.Life)).ToArray();
        GatheringDays = DemoOfferings.Gatherings.Select(g => Saturday(g.Day)).ToArray();
        Setup = new SimulationSetup(
            DemoCatalog.Groups.Select((g, i) => new SimGroup(g.Channel, Trajectories[i], g.Weight, OpenedDaysBefore(i), g.Topics)).ToList(),
            DemoCatalog.ChineseChannels,
            DemoCatalog.OtherChannels,
            DemoOfferings.Topics,
            DemoOfferings.Content.Select(c => new SimContent(c.Day, c.Topics)).ToList(),
            DemoOfferings.Gatherings.Select((g, i) => new SimGathering(GatheringDays[i], g.LocalTime, g.Topics)).ToList(),
            DemoOfferings.Products.Select(p => new SimProduct(p.Topics)).ToList());
    }

    public SimulationCalendar Calendar { get; }
    public SimulationSetup Setup { get; }
    public GroupTrajectory[] Trajectories { get; }
    public int[] GatheringDays { get; }

    public static DemoWorld At(DateTime anchorUtc, TimeZoneInfo zone) => new(new SimulationCalendar(anchorUtc, zone, Days));

    /// <summary>The demo workspace's world: the 90 days up to its creation, in its time zone.</summary>
    public static DemoWorld For(Workspace workspace) => At(workspace.CreatedAt, WorkspaceTime.Zone(workspace.TimeZone));

    public MemberPlan Plan(int n) => MemberPlanner.Plan(Seed, n, Setup, Calendar);

    /// <summary>When the group was opened: campaign groups on their first day, the others before the period.</summary>
    public DateTime OpenedAt(int group) => Trajectories[group].OpensBeforePeriod
        ? Calendar.Start.AddDays(-OpenedDaysBefore(group))
        : Calendar.Utc(Trajectories[group].Start, TimeSpan.Zero);

    /// <summary>A short-term group's dates: from its first day to its last.</summary>
    public (DateOnly? StartsOn, DateOnly? EndsOn) Dates(int group) => Trajectories[group] is { Kind: TrajectoryKind.Campaign } t
        ? (Calendar.LocalDate(t.Start), Calendar.LocalDate(t.End))
        : (null, null);

    private GroupTrajectory TrajectoryOf(DemoLife life) => life.Kind switch
    {
        TrajectoryKind.Campaign => GroupTrajectory.Campaign(Saturday(life.Peak) - life.Lead, Saturday(life.Peak), Saturday(life.Peak) + life.Tail),
        TrajectoryKind.Growing => GroupTrajectory.Growing,
        TrajectoryKind.Decaying => life.Tail > 0 ? GroupTrajectory.Fading(Days + life.Tail) : GroupTrajectory.Decaying,
        _ => GroupTrajectory.Steady,
    };

    /// <summary>Long-standing groups opened months ago; growing ones a few weeks before the period.</summary>
    private static int OpenedDaysBefore(int group) => DemoCatalog.Groups[group].Life.Kind switch
    {
        TrajectoryKind.Growing => 20 + group * 7 % 30,
        TrajectoryKind.Campaign => 0,
        _ => 120 + group * 53 % 280,
    };

    private int Saturday(int day)
    {
        var offset = ((int)DayOfWeek.Saturday - (int)Calendar.DayOfWeek(day) + 7) % 7;
        return day + (offset > 3 ? offset - 7 : offset);
    }
}
