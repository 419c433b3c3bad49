using Qunyun.Engine.Channels;
using Qunyun.Engine.LiveCodes;

namespace Qunyun.Engine.Tests.LiveCodes;

public sealed class LiveCodeRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ChannelKind.WeCom, 500, null, 199)]
    [InlineData(ChannelKind.WeChat, 500, 150, 150)]
    [InlineData(ChannelKind.Telegram, 500, null, 500)]
    [InlineData(ChannelKind.Telegram, 0, null, 199_999)]
    [InlineData(ChannelKind.Webhook, 80, 100, 80)]
    public void SeatCap_IsTheLowestOfPlatformLessBot_Capacity_AndThreshold(ChannelKind kind, int capacity, int? threshold, int expected) =>
        Assert.Equal(expected, LiveCodeCaps.SeatCap(kind, capacity, threshold));

    [Fact]
    public void Routing_SkipsFullGroups_MissingLinks_AndExpiredCodes()
    {
        SeatState[] groups =
        [
            new(10, 10, true, false, null),
            new(10, 0, false, false, null),
            new(10, 0, false, true, Now),
            new(10, 9, false, true, Now.AddMinutes(1)),
        ];

        Assert.Equal(3, LiveCodeRouting.Pick(groups, Now));
        Assert.Equal(-1, LiveCodeRouting.Pick(groups, Now.AddMinutes(1)));
    }

    [Fact]
    public void Runway_AlertsWithinTheLeadTime_AndNotWhenNobodyCame()
    {
        var soon = LiveCodeRunway.Of(80, 280, TimeSpan.FromDays(7), 2);
        var later = LiveCodeRunway.Of(400, 280, TimeSpan.FromDays(7), 2);
        var quiet = LiveCodeRunway.Of(10, 0, TimeSpan.FromDays(7), 2);
        var young = LiveCodeRunway.Of(10, 40, TimeSpan.FromHours(3), 2);

        Assert.Equal((40, 2.0, true), (soon.PerDay, soon.DaysLeft, soon.Alert));
        Assert.Equal((10.0, false), (later.DaysLeft, later.Alert));
        Assert.Equal((null, false), (quiet.DaysLeft, quiet.Alert));
        Assert.Equal((40, 0.25, true), (young.PerDay, young.DaysLeft, young.Alert)); // a pool younger than a day counts a whole day
        Assert.True(LiveCodeRunway.Of(0, 0, TimeSpan.FromDays(7), 0).Alert);
    }

    [Fact]
    public void QrReminder_IsDueADayBefore_AndOnlyOnce()
    {
        var expires = Now.AddDays(7);

        Assert.False(QrReminder.IsDue(expires, null, Now.AddDays(5).AddHours(23)));
        Assert.True(QrReminder.IsDue(expires, null, Now.AddDays(6)));
        Assert.False(QrReminder.IsDue(expires, Now.AddDays(6), Now.AddDays(6).AddHours(1)));
    }

    [Fact]
    public void Stay_CountsOnlyAfterSevenDays_AndOnlyIfTheMemberStayed()
    {
        Assert.Null(StayRule.Stayed(Now, null, Now.AddDays(6)));
        Assert.True(StayRule.Stayed(Now, null, Now.AddDays(7)));
        Assert.False(StayRule.Stayed(Now, Now.AddDays(3), Now.AddDays(8)));
        Assert.True(StayRule.Stayed(Now, Now.AddDays(9), Now.AddDays(10)));
    }
}
