namespace Qunyun.Engine.Simulation;

/// <summary>
/// The world the simulator plays in, by index: channels are numbers, groups, content, gatherings and products are
/// list positions; the host gives them names. Topics are ordered from the most to the least popular.
/// </summary>
public sealed record SimulationSetup(
    IReadOnlyList<SimGroup> Groups,
    IReadOnlyList<int> ChineseChannels,
    IReadOnlyList<int> OtherChannels,
    IReadOnlyList<string> Topics,
    IReadOnlyList<SimContent> Content,
    IReadOnlyList<SimGathering> Gatherings,
    IReadOnlyList<SimProduct> Products);

/// <summary>A group: its channel, how its life runs, how many members it draws (relative), since when it exists, its topics.</summary>
public sealed record SimGroup(int Channel, GroupTrajectory Trajectory, double Weight, int OpenedDaysBefore, IReadOnlyList<string> Topics);

/// <summary>A piece of content, published at 20:00 local time on a simulated day (negative: before the period).</summary>
public sealed record SimContent(int PublishedDay, IReadOnlyList<string> Topics);

/// <summary>An offline event (tasting, class, workshop) on a simulated day at a local time.</summary>
public sealed record SimGathering(int Day, TimeSpan LocalTime, IReadOnlyList<string> Topics);

public sealed record SimProduct(IReadOnlyList<string> Topics);
