using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Content;

/// <summary>Creates or updates a library item after checking every field; shared by the API and the console editor.</summary>
public sealed class SaveContentItem(TimeProvider clock)
{
    public sealed record Outcome(ContentItem? Item, FieldErrors? Errors);

    /// <summary>Content is meant to be read in under 15 minutes; more is a long read, still allowed up to an hour.</summary>
    public const int MaxReadingMinutes = 60;

    public static FieldErrors Check(ContentItemRequest request)
    {
        var errors = new FieldErrors();
        var title = request.Title?.Trim() ?? "";
        errors.AddIf(title.Length == 0, "title", "Required.");
        errors.AddIf(title.Length > ContentItem.MaxTitleLength, "title", $"At most {ContentItem.MaxTitleLength} characters.");
        errors.AddIf(string.IsNullOrWhiteSpace(request.Body), "body", "Required.");
        errors.AddIf(request.Body?.Length > ContentItem.MaxBodyLength, "body", $"At most {ContentItem.MaxBodyLength} characters.");
        errors.AddIf(request.Category is null, "category", "One of IndustryNews, Product, PopularScience, Skills.");
        errors.AddIf(request.ReadingMinutes is < 1 or > MaxReadingMinutes, "readingMinutes", $"Between 1 and {MaxReadingMinutes}.");
        var topics = Topics(request.Topics);
        errors.AddIf(topics.Count > ContentItem.MaxTopics, "topics", $"At most {ContentItem.MaxTopics} topics.");
        errors.AddIf(topics.Any(t => t.Length > 64 || t.Contains(',')), "topics", "A topic is at most 64 characters, without commas.");
        if (!string.IsNullOrWhiteSpace(request.SourceUrl)
            && (!Uri.TryCreate(request.SourceUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || request.SourceUrl.Length > 1000))
        {
            errors.Add("sourceUrl", "An http(s) address of at most 1000 characters.");
        }

        return errors;
    }

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid? id, ContentItemRequest request, CancellationToken cancellationToken)
    {
        var errors = Check(request);
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        var now = clock.GetUtcNow();
        var item = id is null ? null : await db.ContentItems.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && item is null)
        {
            return new Outcome(null, null);
        }

        if (item is null)
        {
            item = new ContentItem { Id = Guid.CreateVersion7(now), Title = "", Body = "", CreatedAt = now.UtcDateTime };
            db.ContentItems.Add(item);
        }

        item.Title = request.Title!.Trim();
        item.Body = request.Body!.Trim();
        item.Category = request.Category!.Value;
        item.Topics = string.Join(',', Topics(request.Topics));
        item.ReadingMinutes = request.ReadingMinutes ?? Math.Clamp(item.Body.Length / 400 + 1, 1, MaxReadingMinutes);
        item.SourceUrl = string.IsNullOrWhiteSpace(request.SourceUrl) ? null : request.SourceUrl.Trim();
        item.UpdatedAt = now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(item, null);
    }

    private static List<string> Topics(List<string>? topics) =>
        (topics ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
