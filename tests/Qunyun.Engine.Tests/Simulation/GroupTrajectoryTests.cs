using Qunyun.Engine.Simulation;

namespace Qunyun.Engine.Tests.Simulation;

public sealed class GroupTrajectoryTests
{
    private const int Days = 90;

    [Fact]
    public void Decaying_Level_FadesAndIsZeroForTheLastDays()
    {
        var levels = Enumerable.Range(0, Days).Select(d => GroupTrajectory.Decaying.Level(d, Days)).ToArray();

        Assert.Equal(1, levels[0]);
        Assert.True(levels.Zip(levels.Skip(1)).All(p => p.Second <= p.First), "never rises");
        Assert.All(levels[^GroupTrajectory.SilentDays..], level => Assert.Equal(0, level));
        Assert.True(levels[Days - GroupTrajectory.SilentDays - 1] > 0, "silence starts on the day it says");
    }

    [Fact]
    public void Fading_Level_StillFallsButIsAliveOnTheLastDay()
    {
        var fading = GroupTrajectory.Fading(Days + 40);

        var levels = Enumerable.Range(0, Days).Select(d => fading.Level(d, Days)).ToArray();

        Assert.True(levels.Zip(levels.Skip(1)).All(p => p.Second < p.First), "falls every day");
        Assert.InRange(levels[^1], 0.05, 0.3);
    }

    [Fact]
    public void Growing_Level_RisesFourfold()
    {
        var first = GroupTrajectory.Growing.Level(0, Days);
        var last = GroupTrajectory.Growing.Level(Days - 1, Days);

        Assert.True(last > 4 * first, $"{first} → {last}");
    }

    [Fact]
    public void Campaign_Level_LivesBetweenStartAndEnd_PeaksOnTheEvent()
    {
        var campaign = GroupTrajectory.Campaign(20, 40, 45);
        var levels = Enumerable.Range(0, Days).Select(d => campaign.Level(d, Days)).ToArray();

        Assert.All(levels[..20].Concat(levels[46..]), level => Assert.Equal(0, level));
        Assert.Equal(40, Array.IndexOf(levels, levels.Max()));
        Assert.True(levels[44] > 0);
        Assert.False(campaign.OpensBeforePeriod);
    }

    [Fact]
    public void SampleJoinDay_FollowsTheTrajectory()
    {
        var random = new Random(3);
        var campaign = GroupTrajectory.Campaign(20, 40, 45);

        var campaignJoins = Enumerable.Range(0, 2000).Select(_ => campaign.SampleJoinDay(random, Days)).ToList();
        var decayingJoins = Enumerable.Range(0, 2000).Select(_ => GroupTrajectory.Decaying.SampleJoinDay(random, Days)).ToList();
        var growingJoins = Enumerable.Range(0, 4000).Select(_ => GroupTrajectory.Growing.SampleJoinDay(random, Days)).OfType<int>().ToList();

        Assert.All(campaignJoins, day => Assert.InRange(day!.Value, 20, 40));
        Assert.All(decayingJoins.OfType<int>(), day => Assert.InRange(day, 0, 29));
        Assert.InRange(decayingJoins.Count(d => d is null) / 2000.0, 0.9, 0.97);
        Assert.True(growingJoins.Count(d => d >= 60) > 2 * growingJoins.Count(d => d < 30), "joins climb with the group");
    }

    [Fact]
    public void SampleLeaveDay_IsAfterTheJoinAndInThePeriod()
    {
        var random = new Random(5);
        foreach (var trajectory in new[] { GroupTrajectory.Steady, GroupTrajectory.Growing, GroupTrajectory.Decaying, GroupTrajectory.Campaign(10, 30, 35) })
        {
            for (var i = 0; i < 2000; i++)
            {
                var join = random.Next(-1, Days);
                if (trajectory.SampleLeaveDay(random, join, Days) is { } leave)
                {
                    Assert.InRange(leave, join + 1, Days - 1);
                }
            }
        }
    }
}
