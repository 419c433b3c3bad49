using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Content;

/// <summary>The kinds of material a community runs on (see the domain notes on content).</summary>
public enum ContentCategory
{
    IndustryNews,
    Product,
    PopularScience,
    Skills,
}

/// <summary>A piece of material in the content library (素材库), ready to be planned into groups.</summary>
public sealed class ContentItem : IWorkspaceOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 4000;
    public const int MaxTopics = 10;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public ContentCategory Category { get; set; }

    /// <summary>Topic names, comma-separated, as interest tags know them.</summary>
    public string Topics { get; set; } = "";

    public int ReadingMinutes { get; set; }
    public string? SourceUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> TopicList => Topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What goes out when the item is posted: title, body, source.</summary>
    public string MessageText() =>
        string.Join("\n", new[] { $"【{Title}】", Body, SourceUrl ?? "" }.Where(s => s.Length > 0));
}

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.Property(c => c.Title).HasMaxLength(ContentItem.MaxTitleLength);
        builder.Property(c => c.Body).HasMaxLength(ContentItem.MaxBodyLength);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Topics).HasMaxLength(700);
        builder.Property(c => c.SourceUrl).HasMaxLength(1000);
        builder.HasIndex(c => new { c.WorkspaceId, c.UpdatedAt });
    }
}
