using Qunyun.Engine.Feedback;

namespace Qunyun.Features.Feedback.Pages;

/// <summary>One colour per status, the same in the group's bar and the Feedback page's chips.</summary>
internal static class FeedbackColors
{
    public static string Of(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => "#1e88e5",
        FeedbackStatus.Accepted => "#fb8c00",
        FeedbackStatus.Done => "#43a047",
        _ => "#9e9e9e",
    };
}
