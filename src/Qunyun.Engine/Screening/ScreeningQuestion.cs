namespace Qunyun.Engine.Screening;

public enum QuestionKind
{
    Text,
    Choice,
}

/// <summary>One question of an application form; a choice question offers <see cref="Options"/> and takes one of them.</summary>
public sealed record ScreeningQuestion(string Text, QuestionKind Kind, IReadOnlyList<string> Options, bool Required);

/// <summary>What the applicant is asked to do in a task-gated group.</summary>
public enum ScreeningTaskKind
{
    /// <summary>Invite <c>Target</c> friends (through their own invite link) who stay <c>StayDays</c> days.</summary>
    InviteFriends,

    /// <summary>Check in <c>Target</c> days in a row.</summary>
    CheckInStreak,
}

public sealed record ScreeningTask(ScreeningTaskKind Kind, int Target, int StayDays);

/// <summary>A group's (or a type's) screening settings; the entry mode itself is part of the group policy.</summary>
/// <param name="DeadlineHours">How long an applicant has to answer or to complete the task.</param>
public sealed record ScreeningSetup(IReadOnlyList<ScreeningQuestion> Questions, int DeadlineHours, ScreeningTask? Task)
{
    public const int MinDeadlineHours = 1;
    public const int MaxDeadlineHours = 24 * 30;
    public const int MaxQuestions = 20;
    public const int MaxQuestionLength = 300;
    public const int MaxOptions = 12;
    public const int MaxOptionLength = 100;
    public const int MaxAnswerLength = 2000;
    public const int MaxTaskTarget = 100;
    public const int MaxStayDays = 60;

    /// <summary>What a group screens with before anyone configured it: one open question in its language, two days, invite three who stay seven days.</summary>
    public static ScreeningSetup Default(string language) => new(
        [new(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "你为什么想加入本群？" : "Why would you like to join this group?", QuestionKind.Text, [], true)],
        48, new ScreeningTask(ScreeningTaskKind.InviteFriends, 3, 7));
}
