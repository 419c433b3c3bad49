using Qunyun.Engine.Groups;
using Qunyun.Engine.Screening;

namespace Qunyun.Engine.Tests.Screening;

public sealed class ScreeningDecisionsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(GroupType.LongTerm, EntryMode.Open)]
    [InlineData(GroupType.ProductFeedback, EntryMode.Application)]
    [InlineData(GroupType.ShortTerm, EntryMode.Open)]
    [InlineData(GroupType.FanSelfOrganized, EntryMode.Open)]
    public void EntryMode_ByType_AndAnOverrideWins(GroupType type, EntryMode byType)
    {
        Assert.Equal(byType, GroupSettings.Resolve(type, null, 100).Entry);
        Assert.Equal(EntryMode.Paid, GroupSettings.Resolve(type, new GroupSettingsOverrides { Entry = EntryMode.Paid }, 100).Entry);
    }

    [Fact]
    public void EntryField_ReadsNamesAndRefusesNumbersAndUnknownModes()
    {
        var field = GroupSettingsFields.Find("entry")!;

        Assert.Equal(EntryMode.TaskGated, field.Set(GroupSettingsOverrides.None, System.Text.Json.JsonSerializer.SerializeToElement("taskGated")).Changed!.Entry);
        Assert.NotNull(field.Set(GroupSettingsOverrides.None, System.Text.Json.JsonSerializer.SerializeToElement("2")).Error);
        Assert.NotNull(field.Set(GroupSettingsOverrides.None, System.Text.Json.JsonSerializer.SerializeToElement("vip")).Error);
    }

    [Fact]
    public void Setup_RefusesEmptyApplications_DeadlinesOutOfRange_AndTargetsBelowOne()
    {
        var question = new ScreeningQuestion("为什么？", QuestionKind.Text, [], true);

        Assert.Equal(["questions"], Fields(ScreeningChecks.Setup(EntryMode.Application, new([], 24, null))));
        Assert.Equal(["deadlineHours"], Fields(ScreeningChecks.Setup(EntryMode.Application, new([question], 0, null))));
        Assert.Equal(["deadlineHours"], Fields(ScreeningChecks.Setup(EntryMode.Application, new([question], 24 * 31, null))));
        Assert.Equal(["task.target"], Fields(ScreeningChecks.Setup(EntryMode.TaskGated, new([], 24, new(ScreeningTaskKind.CheckInStreak, 0, 0)))));
        Assert.Equal(["task"], Fields(ScreeningChecks.Setup(EntryMode.TaskGated, new([], 24, null))));
        Assert.Equal(["questions[0].options"], Fields(ScreeningChecks.Setup(EntryMode.Application,
            new([question with { Kind = QuestionKind.Choice, Options = ["是"] }], 24, null))));
        Assert.Empty(ScreeningChecks.Setup(EntryMode.Open, new([], 24, null)));
    }

    [Fact]
    public void Answers_RequiredNeedOne_ChoicesNeedAnOption_OptionalMayBeEmpty()
    {
        IReadOnlyList<ScreeningQuestion> questions =
        [
            new("称呼", QuestionKind.Text, [], true),
            new("来源", QuestionKind.Choice, ["朋友", "广告"], true),
            new("备注", QuestionKind.Text, [], false),
        ];

        Assert.Empty(ScreeningChecks.Answers(questions, ["小王", "朋友", ""]));
        Assert.Equal(["answers[0]", "answers[1]"], Fields(ScreeningChecks.Answers(questions, [" ", "别的", null])));
        Assert.Equal(["answers"], Fields(ScreeningChecks.Answers(questions, ["小王"])));
    }

    [Fact]
    public void AutoApprove_FirstRuleThatHolds_OnAnswersTagsAndAge()
    {
        var facts = new ApplicantFacts(["我是老用户，朋友推荐"], new HashSet<string>(["VIP"], StringComparer.OrdinalIgnoreCase), Now.AddDays(-40));
        AutoApproveCondition contains = new(AutoApproveKind.AnswerContains, 0, "朋友", null);
        AutoApproveCondition equals = new(AutoApproveKind.AnswerEquals, 0, "朋友推荐", null);
        AutoApproveCondition tag = new(AutoApproveKind.HasTag, null, "vip", null);
        AutoApproveCondition old = new(AutoApproveKind.KnownForDays, null, null, 30);
        AutoApproveCondition veteran = new(AutoApproveKind.KnownForDays, null, null, 60);

        Assert.True(AutoApprove.Holds(contains, facts, Now));
        Assert.False(AutoApprove.Holds(equals, facts, Now));
        Assert.True(AutoApprove.Holds(tag, facts, Now));
        Assert.True(AutoApprove.Holds(old, facts, Now));
        Assert.False(AutoApprove.Holds(veteran, facts, Now));
        Assert.Equal(1, AutoApprove.FirstMatch([equals, tag, contains], facts, Now));
        Assert.Null(AutoApprove.FirstMatch([equals, veteran], facts, Now));
        Assert.Equal(["question"], Fields(AutoApprove.Check(contains with { Question = 3 }, 1)));
        Assert.Equal(["days"], Fields(AutoApprove.Check(old with { Days = 0 }, 1)));
    }

    [Fact]
    public void Invites_CountOnlyFriendsStillInAfterTheStay_Once()
    {
        var task = new ScreeningTask(ScreeningTaskKind.InviteFriends, 2, 7);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Invitee[] invitees = [new(a, Now.AddDays(-8), true), new(a, Now.AddDays(-8), true), new(b, Now.AddDays(-3), true), new(c, Now.AddDays(-9), false)];

        Assert.Equal(new TaskState(1, 2), TaskProgress.Invites(task, invitees, Now));
        Assert.True(TaskProgress.Invites(task, [.. invitees, new(c, Now.AddDays(-7), true)], Now).Passed);
    }

    [Fact]
    public void Streak_IsTheLongestRunSinceTheScreeningOpened()
    {
        var task = new ScreeningTask(ScreeningTaskKind.CheckInStreak, 3, 0);
        var from = new DateOnly(2026, 11, 20);
        DateOnly[] days = [new(2026, 11, 18), new(2026, 11, 19), new(2026, 11, 20), new(2026, 11, 21), new(2026, 11, 23), new(2026, 11, 23)];

        Assert.Equal(new TaskState(2, 3), TaskProgress.Streak(task, days, from));
        Assert.True(TaskProgress.Streak(task, [.. days, new(2026, 11, 22)], from).Passed);
    }

    private static string[] Fields(IEnumerable<ScreeningChecks.Problem> problems) => problems.Select(p => p.Field).ToArray();
}
