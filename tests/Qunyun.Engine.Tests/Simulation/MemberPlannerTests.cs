using Qunyun.Engine.Simulation;
using static Qunyun.Engine.Tests.Simulation.SimulationWorld;

namespace Qunyun.Engine.Tests.Simulation;

public sealed class MemberPlannerTests
{
    private static readonly List<MemberPlan> Plans = SimulationWorld.Members(2000);

    [Fact]
    public void Plan_SameSeedAndNumber_SamePlan()
    {
        var again = MemberPlanner.Plan(Seed, 42, Setup, Calendar);

        Assert.Equal(Plans[42].Memberships, again.Memberships);
        Assert.Equal(Plans[42].Interests, again.Interests);
        Assert.Equal((Plans[42].Talk, Plans[42].Chinese, Plans[42].HomeChannel), (again.Talk, again.Chinese, again.HomeChannel));
    }

    [Fact]
    public void Plan_Memberships_AreOnTheHomeChannelAndJoinBeforeTheyLeave()
    {
        Assert.All(Plans, plan =>
        {
            Assert.NotEmpty(plan.Memberships);
            Assert.Equal(plan.Memberships.Count, plan.Memberships.Select(m => m.Group).Distinct().Count());
            Assert.All(plan.Memberships, m =>
            {
                Assert.Equal(plan.HomeChannel, Setup.Groups[m.Group].Channel);
                Assert.True(m.JoinedAt < Calendar.End && (m.LeftAt is null || (m.LeftAt > m.JoinedAt && m.LeftAt < Calendar.End)));
                Assert.Equal(m.JoinsDuringPeriod, m.JoinedAt >= Calendar.Start);
            });
        });
    }

    [Fact]
    public void Plan_Population_IsMostlyChineseWithInterestsAndSomeNewcomers()
    {
        var chinese = Plans.Count(p => p.Chinese) / (double)Plans.Count;
        var newcomers = Plans.Count(p => p.Memberships.All(m => m.JoinsDuringPeriod)) / (double)Plans.Count;

        Assert.InRange(chinese, 0.66, 0.74);
        Assert.InRange(newcomers, 0.1, 0.5);
        Assert.All(Plans, p => Assert.InRange(p.Interests.Count, 1, 4));
        Assert.All(Plans.SelectMany(p => p.Memberships).Where(m => m.Group == Campaign), m => Assert.True(m.JoinsDuringPeriod, "a campaign group opens during the period"));
    }
}
