using Qunyun.Engine.Feedback;

namespace Qunyun.Features.Feedback;

public sealed record FeedbackItemResponse(
    Guid Id, Guid GroupId, string GroupName, Guid MemberId, string MemberName, long EventId, FeedbackKind Kind, string Keyword, string Text,
    FeedbackStatus Status, string? OwnerId, string? OwnerName, DateTime ReportedAt, DateTime UpdatedAt)
{
    /// <summary>The console's group chat, opened at the message.</summary>
    public string MessageLink => $"/groups/{GroupId}?at={EventId}#chat";
}

/// <summary>Filters of the feedback list; all optional.</summary>
public sealed record FeedbackFilter(Guid? GroupId = null, FeedbackStatus? Status = null, FeedbackKind? Kind = null, string? OwnerId = null, string? Text = null);

/// <summary>Changes an item: a new status (the reporter is told), a new owner (a staff account's id; "" clears it).</summary>
public sealed record FeedbackChangeRequest(FeedbackStatus? Status, string? OwnerId);

public sealed record FeedbackSettingsRequest(List<string>? BugWords, List<string>? IdeaWords, List<string>? FeedbackWords);

public sealed record FeedbackSettingsResponse(IReadOnlyList<string> BugWords, IReadOnlyList<string> IdeaWords, IReadOnlyList<string> FeedbackWords)
{
    public static FeedbackSettingsResponse Of(FeedbackSettings settings) =>
        new(FeedbackSettings.Split(settings.BugWords), FeedbackSettings.Split(settings.IdeaWords), FeedbackSettings.Split(settings.FeedbackWords));
}

/// <summary>How many items a group has in each status (the group page's counts).</summary>
public sealed record FeedbackCounts(int New, int Accepted, int Done, int Declined)
{
    public int Total => New + Accepted + Done + Declined;
}

/// <summary>A staff account an item may be given to.</summary>
public sealed record StaffAccount(string Id, string Name);
