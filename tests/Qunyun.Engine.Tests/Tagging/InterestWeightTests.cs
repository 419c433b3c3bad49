using CsCheck;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;

namespace Qunyun.Engine.Tests.Tagging;

public sealed class InterestWeightTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan HalfLife = InterestWeight.DefaultHalfLife;

    [Fact]
    public void For_PurchaseOutweighsAttendanceOutweighsAView_OtherKindsCountNothing()
    {
        Assert.True(InterestWeight.For(EventKind.Purchase) > InterestWeight.For(EventKind.EventAttended));
        Assert.True(InterestWeight.For(EventKind.EventAttended) > InterestWeight.For(EventKind.ContentViewed));
        Assert.Equal(0, InterestWeight.For(EventKind.Message));
    }

    [Fact]
    public void Current_OneHalfLifeLater_Halves()
    {
        var (weight, at) = InterestWeight.Add(0, null, EventKind.Purchase, Start, HalfLife);

        Assert.Equal(5, weight, 9);
        Assert.Equal(2.5, InterestWeight.Current(weight, at, Start + HalfLife, HalfLife), 9);
    }

    [Fact]
    public void Current_SingleViewFallsBelowTheFloorAfterTwoHalfLives()
    {
        var (weight, at) = InterestWeight.Add(0, null, EventKind.ContentViewed, Start, HalfLife);

        Assert.True(InterestWeight.Current(weight, at, Start + (HalfLife * 2) - TimeSpan.FromHours(1), HalfLife) > InterestWeight.DefaultFloor);
        Assert.True(InterestWeight.Current(weight, at, Start + (HalfLife * 2) + TimeSpan.FromHours(1), HalfLife) < InterestWeight.DefaultFloor);
    }

    [Fact]
    public void Current_ABuyerOutranksAViewerOfTheSameDay_UntilLongAfter()
    {
        var buyer = InterestWeight.Add(0, null, EventKind.Purchase, Start, HalfLife);
        var viewer = InterestWeight.Add(0, null, EventKind.ContentViewed, Start.AddDays(20), HalfLife);

        var later = Start.AddDays(40);
        Assert.True(InterestWeight.Current(buyer.Weight, buyer.At, later, HalfLife) > InterestWeight.Current(viewer.Weight, viewer.At, later, HalfLife));
    }

    [Fact]
    public void Add_SignalsInAnyOrder_GiveTheSameWeight()
    {
        var kinds = new[] { EventKind.ContentViewed, EventKind.EventAttended, EventKind.Purchase };
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 60 * 24 * 90]).Array[1, 20].Sample(signals =>
        {
            var events = signals.Select(s => (Kind: kinds[s.Item1], At: Start.AddMinutes(s.Item2))).ToArray();
            var end = events.Max(e => e.At);
            double Fold(IEnumerable<(EventKind Kind, DateTime At)> order)
            {
                (double Weight, DateTime? At) state = (0, null);
                foreach (var (kind, at) in order)
                {
                    state = InterestWeight.Add(state.Weight, state.At, kind, at, HalfLife);
                }

                return InterestWeight.Current(state.Weight, state.At, end, HalfLife);
            }

            var inOrder = Fold(events.OrderBy(e => e.At));
            var reversed = Fold(events.Reverse());
            return Math.Abs(inOrder - reversed) < 1e-9 * Math.Max(1, inOrder);
        });
    }

    [Fact]
    public void DecayKey_ComparedWithThresholdKey_AnswersWhetherTheWeightNowReachesTheThreshold()
    {
        Gen.Select(Gen.Double[0.01, 500], Gen.Int[0, 60 * 24 * 365], Gen.Int[0, 60 * 24 * 365], Gen.Double[0.01, 50]).Sample((weight, storedAt, nowAt, threshold) =>
        {
            var (at, now) = (Start.AddMinutes(storedAt), Start.AddMinutes(Math.Max(storedAt, nowAt)));
            var current = InterestWeight.Current(weight, at, now, HalfLife);
            var byKey = InterestWeight.DecayKey(weight, at, HalfLife) >= InterestWeight.ThresholdKey(threshold, now, HalfLife);
            return Math.Abs(current - threshold) < 1e-6 * threshold || byKey == current >= threshold;
        });
    }

    [Fact]
    public void DecayKey_OrdersWeightsStoredAtDifferentTimesByTheirWeightNow()
    {
        var boughtLongAgo = InterestWeight.DecayKey(5, Start, HalfLife);
        var viewedToday = InterestWeight.DecayKey(1, Start.AddDays(90), HalfLife);
        var attendedToday = InterestWeight.DecayKey(3, Start.AddDays(90), HalfLife);

        Assert.True(viewedToday > boughtLongAgo); // 5 · 2^-3 = 0.625 < 1
        Assert.True(attendedToday > viewedToday);
    }

    [Fact]
    public void Combine_DecaysBothToTheLaterTime()
    {
        var (weight, at) = InterestWeight.Combine(4, Start, 1, Start + HalfLife, HalfLife);

        Assert.Equal(3, weight, 9);
        Assert.Equal(Start + HalfLife, at);
        Assert.Equal((3.5, (DateTime?)Start), InterestWeight.Combine(2.5, null, 1, Start, HalfLife));
    }
}
