namespace Qunyun.Engine.Feedback;

/// <summary>What a member's tagged message is: a bug (#bug), an idea (#idea, #建议) or other feedback (#反馈).</summary>
public enum FeedbackKind
{
    Bug,
    Idea,
    Feedback,
}

/// <summary>Where the team stands on a feedback item; every change but back to New tells the reporter in the group.</summary>
public enum FeedbackStatus
{
    New,
    Accepted,
    Done,
    Declined,
}

/// <summary>The words the reply to a reporter uses, in the group's language.</summary>
public static class FeedbackWords
{
    public static string Status(FeedbackStatus status, bool chinese) => (status, chinese) switch
    {
        (FeedbackStatus.Accepted, true) => "已受理",
        (FeedbackStatus.Done, true) => "已完成",
        (FeedbackStatus.Declined, true) => "暂不采纳",
        (_, true) => "待处理",
        (FeedbackStatus.Accepted, false) => "accepted",
        (FeedbackStatus.Done, false) => "done",
        (FeedbackStatus.Declined, false) => "declined",
        _ => "new",
    };

    public static string Kind(FeedbackKind kind, bool chinese) => (kind, chinese) switch
    {
        (FeedbackKind.Bug, true) => "问题",
        (FeedbackKind.Idea, true) => "建议",
        (_, true) => "反馈",
        (FeedbackKind.Bug, false) => "bug report",
        (FeedbackKind.Idea, false) => "idea",
        _ => "feedback",
    };
}
