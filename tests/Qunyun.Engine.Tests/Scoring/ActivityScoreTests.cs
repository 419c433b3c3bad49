using CsCheck;
using Qunyun.Engine.Events;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Tests.Scoring;

public sealed class ActivityScoreTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(14);

    [Fact]
    public void DecayedTo_OneHalfLifeLater_Halves()
    {
        var score = new ActivityScore(10, Start);

        Assert.Equal(5, score.DecayedTo(Start + HalfLife, HalfLife).Value, 9);
        Assert.Equal(2.5, score.DecayedTo(Start + HalfLife * 2, HalfLife).Value, 9);
    }

    [Fact]
    public void Add_OneMessageADay_SettlesAtTheGeometricLimit()
    {
        var score = new ActivityScore(0, Start);
        for (var day = 0; day < 365; day++)
        {
            score = score.Add(ActivityWeights.For(EventKind.Message), Start.AddDays(day), HalfLife);
        }

        var limit = 1 / (1 - Math.Pow(2, -1 / 14.0));
        Assert.Equal(limit, score.Value, 6);
        Assert.InRange(limit, 20.6, 20.8);
    }

    [Fact]
    public void Add_LateEvent_IsDecayedInsteadOfRewindingTime()
    {
        var score = new ActivityScore(4, Start).Add(2, Start - HalfLife, HalfLife);

        Assert.Equal(5, score.Value, 9);
        Assert.Equal(Start, score.At);
    }

    [Fact]
    public void Add_OrderOfEvents_DoesNotChangeTheScoreAtTheEnd()
    {
        var offsets = Gen.Int[0, 60 * 24 * 30].Array[1, 30];
        offsets.Sample(minutes =>
        {
            var times = minutes.Select(m => Start.AddMinutes(m)).ToArray();
            var end = times.Max();
            var inOrder = times.Order().Aggregate(new ActivityScore(0, Start), (s, t) => s.Add(1, t, HalfLife)).DecayedTo(end, HalfLife);
            var shuffled = times.Reverse().Aggregate(new ActivityScore(0, Start), (s, t) => s.Add(1, t, HalfLife)).DecayedTo(end, HalfLife);
            return Math.Abs(inOrder.Value - shuffled.Value) < 1e-9 * Math.Max(1, inOrder.Value);
        });
    }

    [Fact]
    public void Weights_JoinsAndLeavesAreNotActivity_RepliesCountMore()
    {
        Assert.Equal(0, ActivityWeights.For(EventKind.MemberJoined));
        Assert.False(EventKind.MemberLeft.IsInteraction());
        Assert.True(ActivityWeights.For(EventKind.Message, isReply: true) > ActivityWeights.For(EventKind.Message));
    }

    [Fact]
    public void LocalDay_UsesTheWorkspaceZone()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        Assert.Equal(new DateOnly(2026, 11, 23), LocalDay.Of(new DateTime(2026, 11, 22, 16, 30, 0, DateTimeKind.Utc), shanghai));
        Assert.Equal(new DateOnly(2026, 11, 22), LocalDay.Of(new DateTime(2026, 11, 22, 15, 30, 0, DateTimeKind.Utc), shanghai));
    }

    [Fact]
    public void EventKinds_RoundTripTheirWireNames()
    {
        Assert.All(Enum.GetValues<EventKind>(), kind => Assert.True(EventKinds.TryParse(kind.WireName(), out var parsed) && parsed == kind));
        Assert.False(EventKinds.TryParse("Message", out _));
    }
}
