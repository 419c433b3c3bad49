namespace Qunyun.Features.Content;

public sealed record ContentItemRequest(string? Title, string? Body, ContentCategory? Category, List<string>? Topics, int? ReadingMinutes, string? SourceUrl);

public sealed record ContentItemResponse(
    Guid Id, string Title, string Body, ContentCategory Category, IReadOnlyList<string> Topics, int ReadingMinutes, string? SourceUrl, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ContentItemResponse Of(ContentItem c) =>
        new(c.Id, c.Title, c.Body, c.Category, c.TopicList, c.ReadingMinutes, c.SourceUrl, c.CreatedAt, c.UpdatedAt);
}
