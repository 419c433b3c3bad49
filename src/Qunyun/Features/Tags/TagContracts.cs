using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

public sealed record TagRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(500)]
    public string? Description { get; init; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Color must look like #1e88e5.")]
    public string? Color { get; init; }

    /// <summary>Manual (the default) or Rule. Interest tags are made by the pipeline from topics. A tag's kind never changes.</summary>
    public TagKind? Kind { get; init; }

    /// <summary>Required for rule tags: who holds the tag.</summary>
    public TagRuleRequest? Rule { get; init; }
}

/// <summary>
/// "Members whose metric over the last windowDays days compares to threshold": e.g. metric EventsAttended, topic
/// italian-wine, comparison AtLeast, threshold 1, windowDays 90. Optional: topic (content, events, purchases), a
/// group or a channel, a currency (purchases). Amounts are in the currency's unit (500 = ¥500).
/// </summary>
public sealed record TagRuleRequest
{
    public RuleMetric? Metric { get; init; }
    public RuleComparison? Comparison { get; init; }
    public decimal? Threshold { get; init; }
    public int? WindowDays { get; init; }
    public string? Topic { get; init; }
    public Guid? GroupId { get; init; }
    public Guid? ChannelId { get; init; }
    public string? Currency { get; init; }
}

public sealed record TagResponse(Guid Id, string Name, string? Description, string Color, TagKind Kind, int MemberCount, DateTime CreatedAt, TagRule? Rule);

public sealed record TagChangeResponse(Guid TagId, string TagName, TagKind TagKind, TagChangeKind Change, TagChangeCause Cause, DateTime At);
