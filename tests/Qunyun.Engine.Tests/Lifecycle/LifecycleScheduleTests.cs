using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Lifecycle;

namespace Qunyun.Engine.Tests.Lifecycle;

public sealed class LifecycleScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Of_DissolvesOnTheThirdDayAfterTheEnd_AtTenLocal_FarewellTheDayBefore()
    {
        var due = LifecycleSchedule.Of(new DateOnly(2026, 12, 1), TimeSpan.FromDays(3), Shanghai);

        Assert.Equal(new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc), due.DissolveAt);
        Assert.Equal(new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc), due.FarewellAt);
    }

    [Fact]
    public void Of_WithoutAPolicyValue_UsesThreeDays()
    {
        Assert.Equal(LifecycleSchedule.Of(new DateOnly(2026, 12, 1), TimeSpan.FromDays(3), Berlin), LifecycleSchedule.Of(new DateOnly(2026, 12, 1), null, Berlin));
    }

    [Fact]
    public void ForDissolutionOn_FollowsTheZonesOffset_AcrossAClockChange()
    {
        var winter = LifecycleSchedule.ForDissolutionOn(new DateOnly(2027, 3, 27), Berlin);
        var summer = LifecycleSchedule.ForDissolutionOn(new DateOnly(2027, 3, 29), Berlin);

        Assert.Equal(9, winter.DissolveAt.Hour);
        Assert.Equal(8, summer.DissolveAt.Hour);
    }

    [Fact]
    public void DaysUntil_CountsCalendarDaysInTheZone()
    {
        var at = new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);

        Assert.Equal(3, LifecycleSchedule.DaysUntil(at, new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc), Shanghai)); // 12-01 00:30 local
        Assert.Equal(4, LifecycleSchedule.DaysUntil(at, new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc), Shanghai)); // 11-30 23:30 local
        Assert.Equal(0, LifecycleSchedule.DaysUntil(at, at.AddHours(5), Shanghai));
    }

    [Fact]
    public void DissolutionPlan_PerPlatform()
    {
        var telegram = DissolutionPlan.For(ChannelKind.Telegram, ConnectorCapabilities.All);
        var wecom = DissolutionPlan.For(ChannelKind.WeCom, ConnectorCapabilities.Of(ConnectorActions.SendText));
        var bridge = DissolutionPlan.For(ChannelKind.Webhook, ConnectorCapabilities.All);
        var none = DissolutionPlan.For(ChannelKind.Discord, ConnectorCapabilities.None);

        Assert.Equal((true, true), (telegram.RemoveMembers, telegram.Leave));
        Assert.Equal([LifecycleTaskKind.ExportMembers, LifecycleTaskKind.DeleteTelegramGroup], telegram.Tasks);
        Assert.Equal((false, false), (wecom.RemoveMembers, wecom.Leave));
        Assert.Equal([LifecycleTaskKind.ExportMembers, LifecycleTaskKind.DismissInWeComClient], wecom.Tasks);
        Assert.Equal((false, true), (bridge.RemoveMembers, bridge.Leave));
        Assert.Equal([LifecycleTaskKind.ExportMembers], bridge.Tasks);
        Assert.Equal([LifecycleTaskKind.ExportMembers, LifecycleTaskKind.DismissOnPlatform], none.Tasks);
    }
}
