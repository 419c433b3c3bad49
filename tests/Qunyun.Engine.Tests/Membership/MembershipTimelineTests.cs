using Qunyun.Engine.Membership;

namespace Qunyun.Engine.Tests.Membership;

public sealed class MembershipTimelineTests
{
    private static readonly DateTime End = new(2026, 12, 31, 12, 0, 0, DateTimeKind.Utc);
    private static readonly int[] Reminders = [7, 1];

    [Fact]
    public void StatusAt_Active_ThenInGrace_ThenExpired_RefundedAtOnce()
    {
        Assert.Equal(PaidMembershipStatus.Active, MembershipTimeline.StatusAt(End, 3, null, End.AddTicks(-1)));
        Assert.Equal(PaidMembershipStatus.InGrace, MembershipTimeline.StatusAt(End, 3, null, End));
        Assert.Equal(PaidMembershipStatus.InGrace, MembershipTimeline.StatusAt(End, 3, null, End.AddDays(3).AddTicks(-1)));
        Assert.Equal(PaidMembershipStatus.Expired, MembershipTimeline.StatusAt(End, 3, null, End.AddDays(3)));
        Assert.Equal(PaidMembershipStatus.Expired, MembershipTimeline.StatusAt(End, 0, null, End));
        Assert.Equal(PaidMembershipStatus.Refunded, MembershipTimeline.StatusAt(End, 3, End.AddDays(-20), End.AddDays(-30)));
    }

    [Fact]
    public void ReminderDue_EachOnce_AndAMissedOneIsSkippedForTheNearer()
    {
        Assert.Null(MembershipTimeline.ReminderDue(End, Reminders, null, End.AddDays(-7).AddTicks(-1)));
        Assert.Equal(7, MembershipTimeline.ReminderDue(End, Reminders, null, End.AddDays(-7)));
        Assert.Null(MembershipTimeline.ReminderDue(End, Reminders, 7, End.AddDays(-3)));
        Assert.Equal(1, MembershipTimeline.ReminderDue(End, Reminders, 7, End.AddDays(-1)));
        Assert.Null(MembershipTimeline.ReminderDue(End, Reminders, 1, End.AddHours(-1)));
        Assert.Equal(1, MembershipTimeline.ReminderDue(End, Reminders, null, End.AddHours(-2))); // the worker was away for the 7-day one
        Assert.Null(MembershipTimeline.ReminderDue(End, Reminders, null, End)); // ended: grace has its own course
    }

    [Fact]
    public void NextTerm_ExtendsFromTheCurrentEnd_WhileActiveOrInGrace_ElseStartsNow()
    {
        var month = new PlanTerm(1, TermUnit.Months);

        Assert.Equal((End, End.AddMonths(1)), MembershipTimeline.NextTerm(End, 3, month, End.AddDays(-5)));
        Assert.Equal((End, End.AddMonths(1)), MembershipTimeline.NextTerm(End, 3, month, End.AddDays(2)));
        var late = End.AddDays(3);
        Assert.Equal((late, late.AddMonths(1)), MembershipTimeline.NextTerm(End, 3, month, late));
        Assert.Equal((late, late.AddMonths(1)), MembershipTimeline.NextTerm(null, 3, month, late));
    }

    [Fact]
    public void PlanTerm_MonthsKeepTheDay_AndLengthsAreBounded()
    {
        var january31 = new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 2, 28, 0, 0, 0, DateTimeKind.Utc), new PlanTerm(1, TermUnit.Months).After(january31));
        Assert.Equal(new DateTime(2028, 1, 31, 0, 0, 0, DateTimeKind.Utc), new PlanTerm(1, TermUnit.Years).After(january31));
        Assert.False(new PlanTerm(0, TermUnit.Days).IsValid);
        Assert.False(new PlanTerm(11, TermUnit.Years).IsValid);
        Assert.True(new PlanTerm(120, TermUnit.Months).IsValid);
    }

    [Theory]
    [InlineData("7, 1", new[] { 7, 1 })]
    [InlineData("1，7，7", new[] { 7, 1 })]
    [InlineData("", new int[0])]
    [InlineData("30 14 7 3 1", new[] { 30, 14, 7, 3, 1 })]
    public void ParseReminderDays_ReadsWhatOperatorsType(string text, int[] days) =>
        Assert.Equal(days, MembershipTimeline.ParseReminderDays(text)!.ToArray());

    [Theory]
    [InlineData("7, soon")]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("1 2 3 4 5 6")]
    public void ParseReminderDays_RefusesWhatIsNotADayCount(string text) => Assert.Null(MembershipTimeline.ParseReminderDays(text));
}
