using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Segments;

/// <summary>
/// A saved filter over the workspace's members. The definition is stored as JSON (see Qunyun.Engine.Segments) and
/// compiled to SQL each time it is counted, listed or exported, so relative dates ("active within 30 days") move
/// with the clock and a segment never goes stale.
/// </summary>
public sealed class Segment : IWorkspaceOwned
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
    public const int MaxDefinitionLength = 64_000;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string Definition { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Segment.MaxNameLength);
        builder.Property(s => s.Description).HasMaxLength(Segment.MaxDescriptionLength);
        builder.Property(s => s.Definition).HasMaxLength(Segment.MaxDefinitionLength);
        builder.HasIndex(s => new { s.WorkspaceId, s.Name }).IsUnique();
    }
}
