using Qunyun.Engine.Digest;
using Qunyun.Engine.Plan;

namespace Qunyun.Engine.Tests.Plan;

public sealed class OccurrencesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Weekly_FiresAtLocalTimeInTheZone()
    {
        var times = Occurrences.Between(Schedule.Weekly(new TimeOnly(20, 0), DayOfWeek.Monday, DayOfWeek.Wednesday), Shanghai, null, Monday, Monday.AddDays(7)).ToList();

        Assert.Equal([new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)], times);
    }

    [Fact]
    public void Cron_FollowsDaylightSavingInTheZone()
    {
        // Berlin leaves summer time on 2026-10-25: 08:00 local is 06:00 UTC before and 07:00 UTC after.
        var from = new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero);
        var times = Occurrences.Between(Schedule.FromCron("0 8 * * *"), Berlin, null, from, from.AddDays(2)).ToList();

        Assert.Equal([new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero)], times);
    }

    [Fact]
    public void QuietHours_DeferToTheirEnd_AcrossMidnight()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0));
        var times = Occurrences.Between(Schedule.Daily(new TimeOnly(23, 30)), Shanghai, quiet, Monday, Monday.AddDays(2)).ToList();

        // 23:30 local is deferred to 08:00 local the next morning (00:00 UTC).
        Assert.All(times, t => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Shanghai).DateTime)));
        Assert.Equal(2, times.Count);
    }

    [Fact]
    public void QuietHours_LeaveOtherTimesAlone_AndMergeDuplicates()
    {
        var quiet = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));
        var times = Occurrences.Between(Schedule.FromCron("0 12,13,14,15 * * *"), Shanghai, quiet, Monday, Monday.AddDays(1).AddHours(-8)).ToList();

        Assert.Equal([14, 15], times.Select(t => TimeZoneInfo.ConvertTime(t, Shanghai).Hour));
    }

    [Theory]
    [InlineData("not cron", "cron")]
    [InlineData("0 0 30 2 *", "cron")]
    [InlineData("61 * * * *", "cron")]
    public void Validation_NamesTheField(string cron, string field)
    {
        var errors = ScheduleValidation.Check(Schedule.FromCron(cron), Shanghai, null, Monday).ToList();

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Validation_OnceInThePast_IsAnError_InTheFuture_IsNot()
    {
        var past = ScheduleValidation.Check(Schedule.Once(new DateTime(2026, 11, 22, 9, 0, 0)), Shanghai, null, Monday);
        var future = ScheduleValidation.Check(Schedule.Once(new DateTime(2026, 11, 24, 9, 0, 0)), Shanghai, null, Monday);
        var noDays = ScheduleValidation.Check(Schedule.Weekly(new TimeOnly(9, 0)), Shanghai, null, Monday);

        Assert.Equal("onceAt", Assert.Single(past).Field);
        Assert.Empty(future);
        Assert.Equal("days", Assert.Single(noDays).Field);
    }

    [Fact]
    public void Lateness_SendsWithinTheLimit_MissesBeyond()
    {
        var due = Monday;

        Assert.Equal(DueVerdict.NotYet, Lateness.Judge(due, due.AddSeconds(-1), TimeSpan.FromMinutes(30)));
        Assert.Equal(DueVerdict.Send, Lateness.Judge(due, due.AddMinutes(30), TimeSpan.FromMinutes(30)));
        Assert.Equal(DueVerdict.Missed, Lateness.Judge(due, due.AddMinutes(31), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void RuleReminder_DueBySchedule_OrByGrowth()
    {
        Assert.Equal(ReminderReason.Schedule, RuleReminderDue.Check(Monday, Monday, 10, 10, 50));
        Assert.Equal(ReminderReason.Growth, RuleReminderDue.Check(Monday.AddDays(1), Monday, 60, 10, 50));
        Assert.Null(RuleReminderDue.Check(Monday.AddDays(1), Monday, 59, 10, 50));
        Assert.Null(RuleReminderDue.Check(null, Monday, 100, 10, null));
    }

    [Fact]
    public void Highlights_StaffPicksFirst_ModeratedAndChatterNever()
    {
        var at = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        HighlightCandidate[] messages =
        [
            new(1, "a", "有人试过这个方法吗？效果怎么样", at, Replies: 4, Reactions: 1, StaffPick: false, Moderated: false),
            new(2, "b", "加我微信领取优惠券，名额有限", at, Replies: 9, Reactions: 9, StaffPick: false, Moderated: true),
            new(3, "c", "好", at, Replies: 5, Reactions: 5, StaffPick: false, Moderated: false),
            new(4, "d", "整理了一份入门清单，放在群公告里了", at.AddMinutes(5), Replies: 0, Reactions: 0, StaffPick: true, Moderated: false),
            new(5, "e", "今天天气真不错呀哈哈哈", at, Replies: 0, Reactions: 2, StaffPick: false, Moderated: false),
            new(6, "f", "没人回的一条长消息没人回的一条长消息", at, Replies: 0, Reactions: 0, StaffPick: false, Moderated: false),
        ];

        var picked = Highlights.Pick(messages, 3).Select(h => h.Message.EventId);

        Assert.Equal([4L, 1L, 5L], picked);
    }
}
