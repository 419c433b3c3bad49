using Qunyun.Engine.Membership;

namespace Qunyun.Engine.Tests.Membership;

public sealed class PriceScheduleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Quote_SwitchesExactlyAtTheNthPaidMember()
    {
        var schedule = new PriceSchedule(199m, [new EarlyBirdPrice(99m, 100, null)]);

        var quotes = new[] { 0, 99, 100, 101 }.Select(paid => schedule.Quote(paid, Now)).ToList();

        Assert.Equal([99m, 99m, 199m, 199m], quotes.Select(q => q.Price));
        Assert.Equal([0, 0, null, null], quotes.Select(q => q.EarlyBirdIndex));
    }

    [Fact]
    public void Quote_StepsInOrder_ByMembersThenByDate_WhicheverEndsFirst()
    {
        var until = Now.AddDays(30);
        var schedule = new PriceSchedule(299m, [new EarlyBirdPrice(99m, 50, Now.AddDays(7)), new EarlyBirdPrice(199m, 500, until)]);

        Assert.Equal(99m, schedule.Quote(49, Now).Price);
        Assert.Equal(199m, schedule.Quote(50, Now).Price); // the first step ran out of seats
        Assert.Equal(199m, schedule.Quote(10, Now.AddDays(7)).Price); // …or out of time
        Assert.Equal(199m, schedule.Quote(499, until.AddTicks(-1)).Price);
        Assert.Equal(299m, schedule.Quote(10, until).Price);
        Assert.Equal(299m, schedule.Quote(500, Now).Price);
    }

    [Fact]
    public void Check_NamesEveryBadField()
    {
        var schedule = new PriceSchedule(0m,
        [
            new EarlyBirdPrice(-1m, 100, Now.AddDays(10)),
            new EarlyBirdPrice(50m, 80, Now.AddDays(5)),
            new EarlyBirdPrice(60m, null, null),
        ]);

        var fields = schedule.Check("CNY").Select(p => p.Field).ToList();

        Assert.Equal(["regularPrice", "earlyBird[0].price", "earlyBird[1].untilMembers", "earlyBird[1].untilUtc", "earlyBird[2]"], fields);
    }

    [Fact]
    public void Check_AGoodScheduleHasNoProblems_AndDecimalsFollowTheCurrency()
    {
        var good = new PriceSchedule(199.5m, [new EarlyBirdPrice(99.9m, 100, null), new EarlyBirdPrice(149m, null, Now.AddDays(30))]);

        Assert.Empty(good.Check("CNY"));
        Assert.Equal(["regularPrice", "earlyBird[0].price"], good.Check("JPY").Select(p => p.Field));
        Assert.Empty(new PriceSchedule(1.125m, []).Check("KWD"));
    }

    [Theory]
    [InlineData("CNY", true)]
    [InlineData("USD", true)]
    [InlineData("cny", false)]
    [InlineData("XYZ", false)]
    [InlineData("", false)]
    public void Currencies_KnowIsoCodes(string code, bool known) => Assert.Equal(known, Currencies.IsKnown(code));
}
