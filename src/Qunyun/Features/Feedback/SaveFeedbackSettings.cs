using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Feedback;

namespace Qunyun.Features.Feedback;

/// <summary>Saves the workspace's own feedback keywords (each 1–20 characters, no '#' or spaces, at most 20 a kind).</summary>
public static class SaveFeedbackSettings
{
    public const int MaxWordsPerKind = 20;

    public static async Task<(FeedbackSettings? Settings, FieldErrors Errors)> ExecuteAsync(QunyunDb db, FeedbackSettingsRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var bug = Check(errors, "BugWords", request.BugWords);
        var idea = Check(errors, "IdeaWords", request.IdeaWords);
        var other = Check(errors, "FeedbackWords", request.FeedbackWords);
        if (errors.Any)
        {
            return (null, errors);
        }

        var settings = await db.FeedbackSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new FeedbackSettings { WorkspaceId = db.WorkspaceId };
            db.FeedbackSettings.Add(settings);
        }

        (settings.BugWords, settings.IdeaWords, settings.FeedbackWords) = (bug, idea, other);
        await db.SaveChangesAsync(cancellationToken);
        return (settings, errors);
    }

    private static string Check(FieldErrors errors, string field, List<string>? words)
    {
        var list = (words ?? []).Select(w => (w ?? "").Trim().TrimStart('#', '＃')).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        errors.AddIf(list.Count > MaxWordsPerKind, field, $"At most {MaxWordsPerKind} keywords.");
        for (var i = 0; i < list.Count; i++)
        {
            errors.AddIf(!FeedbackTags.IsValidKeyword(list[i]), $"{field}[{i}]", $"1–{FeedbackTags.MaxKeywordLength} characters, without spaces, control characters or '#'.");
        }

        return string.Join(' ', list);
    }
}
