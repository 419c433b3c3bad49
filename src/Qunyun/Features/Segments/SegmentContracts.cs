using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Segments;

namespace Qunyun.Features.Segments;

public sealed record SegmentRequest
{
    [Required, StringLength(Segment.MaxNameLength, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(Segment.MaxDescriptionLength)]
    public string? Description { get; init; }

    /// <summary>The filter: a tree of <c>and</c>/<c>or</c>/<c>not</c> groups and member conditions.</summary>
    [Required]
    public SegmentNode? Definition { get; init; }
}

public sealed record SegmentPreviewRequest
{
    [Required]
    public SegmentNode? Definition { get; init; }
}

public sealed record SegmentResponse(Guid Id, string Name, string? Description, SegmentNode Definition, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record SegmentSummary(Guid Id, string Name, string? Description, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>How many members the definition matches at <c>At</c> (relative dates and score decay resolve then).</summary>
public sealed record SegmentCountResponse(int Count, DateTime At);
