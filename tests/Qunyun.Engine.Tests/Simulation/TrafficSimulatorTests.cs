using CsCheck;
using Qunyun.Engine.Simulation;
using static Qunyun.Engine.Tests.Simulation.SimulationWorld;

namespace Qunyun.Engine.Tests.Simulation;

public sealed class TrafficSimulatorTests
{
    private static readonly List<MemberPlan> Plans = SimulationWorld.Members(1500);
    private static readonly List<SimEvent> Events = TrafficSimulator.Generate(Seed, Setup, Calendar, Plans);

    [Fact]
    public void Generate_SameSeed_SameEventsWithTheSameIds()
    {
        var again = Traffic(1500);
        var other = Traffic(1500, seed: Seed + 1);

        Assert.Equal(Events.Select(Fingerprint), again.Select(Fingerprint));
        Assert.NotEqual(Events.Select(Fingerprint), other.Select(Fingerprint));
    }

    [Fact]
    public void Generate_MoreMembers_LeavesTheFirstMembersStoriesAsTheyWere()
    {
        var small = Traffic(300).Where(e => e.Kind != SimKind.Reaction).Select(e => (e.Id, e.At, e.Kind, e.Group));
        var large = Events.Where(e => e.Member < 300 && e.Kind != SimKind.Reaction).Select(e => (e.Id, e.At, e.Kind, e.Group));

        Assert.Equal(small, large);
    }

    [Fact]
    public void Generate_TopFifthOfMembers_WriteFourFifthsOfTheMessages()
    {
        var perMember = Events.Where(e => e.Kind == SimKind.Message).CountBy(e => e.Member).Select(c => c.Value).OrderDescending().ToList();

        var share = perMember.Take(Plans.Count / 5).Sum() / (double)perMember.Sum();

        Assert.InRange(share, 0.72, 0.9);
    }

    [Fact]
    public void Generate_Messages_PeakAtLunchAndInTheEvening()
    {
        var hours = new int[24];
        foreach (var message in Events.Where(e => e.Kind == SimKind.Message))
        {
            hours[TimeZoneInfo.ConvertTimeFromUtc(message.At, Shanghai).Hour]++;
        }

        var night = hours[1..6].Max();
        Assert.True(hours[12] > 10 * night && hours[13] > 10 * night, $"lunch {hours[12]}, {hours[13]} vs night {night}");
        Assert.True(hours[20] > 10 * night && hours[21] > 10 * night, $"evening {hours[20]}, {hours[21]} vs night {night}");
        Assert.True(hours[12] > hours[10] && hours[21] > hours[17], "peaks, not plateaus");
    }

    [Fact]
    public void Generate_DecayingGroup_IsSilentInItsLastTwoWeeks()
    {
        var inGroup = Events.Where(e => e.Group == Decaying && e.Kind is not SimKind.Left).ToList();

        Assert.DoesNotContain(inGroup, e => Calendar.DayOf(e.At) >= Calendar.Days - 14);
        Assert.True(inGroup.Count(e => Calendar.DayOf(e.At) < 14 && e.Kind == SimKind.Message) > 100, "it was lively at first");
    }

    [Fact]
    public void Generate_GrowingGroup_TalksAndGrowsMoreAtTheEnd()
    {
        int Count(SimKind kind, int from, int to) => Events.Count(e => e.Group == Growing && e.Kind == kind && Calendar.DayOf(e.At) >= from && Calendar.DayOf(e.At) < to);

        Assert.True(Count(SimKind.Message, 60, 90) > 2 * Count(SimKind.Message, 0, 30));
        Assert.True(Count(SimKind.Joined, 60, 90) > Count(SimKind.Joined, 0, 30));
    }

    [Fact]
    public void Generate_RepliesAndReactions_AnswerEarlierMessagesOfOthersInTheSameGroup()
    {
        var messages = Events.Where(e => e.Kind == SimKind.Message).ToDictionary(e => e.Id);
        var answers = Events.Where(e => e.TargetId is not null).ToList();

        Assert.All(Events.Where(e => e.Kind == SimKind.Reaction), reaction => Assert.NotNull(reaction.TargetId));
        Assert.True(answers.Count(e => e.Kind == SimKind.Message) > messages.Count / 10, "people reply to each other");
        Assert.All(answers, answer =>
        {
            var target = messages[answer.TargetId!];
            Assert.True(target.At < answer.At && target.Group == answer.Group && target.Member != answer.Member);
        });
    }

    [Fact]
    public void Generate_Events_AreInOrderInThePeriodAndInsideTheirMemberships()
    {
        Assert.True(Events.Zip(Events.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.All(Events, e => Assert.InRange(e.At, Calendar.Start, Calendar.End));
        Assert.Equal(Events.Count, Events.Select(e => e.Id).Distinct().Count());
        Assert.All(Events.Where(e => e.Group >= 0 && e.Kind is not (SimKind.Joined or SimKind.Left)), e =>
        {
            var membership = Plans[e.Member].Memberships.Single(m => m.Group == e.Group);
            Assert.True(e.At > membership.JoinedAt && (membership.LeftAt is null || e.At < membership.LeftAt));
        });
        Assert.All(Events.Where(e => e.Kind == SimKind.Joined), e => Assert.True(Plans[e.Member].Memberships.Single(m => m.Group == e.Group).JoinsDuringPeriod));
    }

    [Fact]
    public void Generate_EveryMember_DoesSomethingAndTheMixIsRealistic()
    {
        var interactions = Events.Where(e => e.Kind is not (SimKind.Joined or SimKind.Left or SimKind.Reaction)).Select(e => e.Member).ToHashSet();
        var kinds = Events.CountBy(e => e.Kind).ToDictionary();

        Assert.True(interactions.Count >= Plans.Count * 0.97, $"{interactions.Count} of {Plans.Count} members did something");
        Assert.All(Enum.GetValues<SimKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind}"));
        Assert.True(kinds[SimKind.Message] > kinds[SimKind.Reaction] && kinds[SimKind.Reaction] > kinds[SimKind.Purchase]);
        Assert.InRange(Events.Count / (double)Plans.Count, 15, 40);
        Assert.All(Events.Where(e => e.Kind == SimKind.Purchase), e => Assert.NotEmpty(e.Lines!));
        Assert.All(Events.Where(e => e.Kind == SimKind.EventAttended), e => Assert.True(Setup.Gatherings[e.Item].Day == Calendar.DayOf(e.At) || Math.Abs((e.At - Calendar.Utc(Setup.Gatherings[e.Item].Day, Setup.Gatherings[e.Item].LocalTime)).TotalHours) < 1));
    }

    [Fact]
    public void Generate_AnySeed_DecayingGroupEndsSilentAndCampaignStaysInItsDays()
    {
        Gen.Int[1, int.MaxValue].Sample(seed =>
        {
            var events = Traffic(150, seed);
            var campaign = Setup.Groups[Campaign].Trajectory;
            return events.All(e => e.Group != Decaying || e.Kind == SimKind.Left || Calendar.DayOf(e.At) < Calendar.Days - GroupTrajectory.SilentDays)
                && events.Where(e => e.Group == Campaign && e.Kind != SimKind.Left).All(e => Calendar.DayOf(e.At) >= campaign.Start && Calendar.DayOf(e.At) <= campaign.End);
        }, iter: 20);
    }

    private static string Fingerprint(SimEvent e) =>
        $"{e.Id}|{e.Kind}|{e.Member}|{e.Group}|{e.At:O}|{e.Item}|{e.Variant}|{e.TargetId}|{string.Join(",", e.Lines?.Select(l => $"{l.Product}x{l.Quantity}") ?? [])}";
}
