using Qunyun.Engine.Simulation;

namespace Qunyun.Engine.Tests.Simulation;

/// <summary>A small community for the simulator tests: one group of each trajectory on a Chinese channel, one abroad.</summary>
internal static class SimulationWorld
{
    public const int Seed = 2026;
    public const int Steady = 0;
    public const int Growing = 1;
    public const int Decaying = 2;
    public const int Campaign = 3;

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly SimulationCalendar Calendar = new(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), Shanghai);

    public static readonly SimulationSetup Setup = new(
        Groups:
        [
            new SimGroup(0, GroupTrajectory.Steady, 1, 300, ["pour-over"]),
            new SimGroup(0, GroupTrajectory.Growing, 1, 60, ["latte-art"]),
            new SimGroup(0, GroupTrajectory.Decaying, 1, 200, ["espresso"]),
            new SimGroup(0, GroupTrajectory.Campaign(20, 40, 45), 0.6, 0, ["ethiopia", "cupping"]),
            new SimGroup(1, GroupTrajectory.Steady, 1, 300, ["espresso"]),
        ],
        ChineseChannels: [0],
        OtherChannels: [1],
        Topics: ["pour-over", "espresso", "latte-art", "ethiopia", "cupping"],
        Content:
        [
            new SimContent(-30, ["pour-over"]), new SimContent(5, ["espresso"]), new SimContent(20, ["latte-art"]),
            new SimContent(35, ["ethiopia", "cupping"]), new SimContent(60, ["pour-over"]), new SimContent(80, ["espresso"]),
        ],
        Gatherings: [new SimGathering(40, TimeSpan.FromHours(14), ["ethiopia", "cupping"]), new SimGathering(75, TimeSpan.FromHours(15), ["latte-art"])],
        Products: [new SimProduct(["pour-over"]), new SimProduct(["espresso"]), new SimProduct(["latte-art"]), new SimProduct(["ethiopia"])]);

    public static List<MemberPlan> Members(int count, int seed = Seed) =>
        Enumerable.Range(0, count).Select(n => MemberPlanner.Plan(seed, n, Setup, Calendar)).ToList();

    public static List<SimEvent> Traffic(int count, int seed = Seed) => TrafficSimulator.Generate(seed, Setup, Calendar, Members(count, seed));
}
