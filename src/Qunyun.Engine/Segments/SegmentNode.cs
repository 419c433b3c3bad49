using System.Text.Json.Serialization;
using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Segments;

/// <summary>
/// One node of a segment definition: a group (<c>and</c>, <c>or</c>, <c>not</c>) with children, or a condition on a
/// member. One record with optional fields rather than a class per kind, so a missing or misplaced field is a
/// validation error with a path (<c>Children[1].TagId</c>) instead of a JSON error without one.
/// </summary>
public sealed record SegmentNode
{
    public SegmentNodeType? Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SegmentNode>? Children { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? TagId { get; init; }

    /// <summary>For <c>interest</c>: the least interest weight that counts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MinWeight { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? GroupId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GroupType? GroupType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? ChannelId { get; init; }

    /// <summary>For the before/after conditions: the moment compared with.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? At { get; init; }

    /// <summary>For the within/inactive conditions: days back from the moment the segment is evaluated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Days { get; init; }

    /// <summary>For the score conditions: the activity score, decayed to the moment of evaluation.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Score { get; init; }

    /// <summary>For the attribute conditions: the custom attribute's key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>For <c>attributeEquals</c> and <c>attributeContains</c>: the text compared with (case-sensitive).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }

    [JsonIgnore]
    public bool IsGroup => Type is SegmentNodeType.And or SegmentNodeType.Or or SegmentNodeType.Not;

    public static SegmentNode And(params IEnumerable<SegmentNode> children) => new() { Type = SegmentNodeType.And, Children = [.. children] };

    public static SegmentNode Or(params IEnumerable<SegmentNode> children) => new() { Type = SegmentNodeType.Or, Children = [.. children] };

    public static SegmentNode Not(SegmentNode child) => new() { Type = SegmentNodeType.Not, Children = [child] };

    public static SegmentNode HasTag(Guid tagId) => new() { Type = SegmentNodeType.HasTag, TagId = tagId };

    public static SegmentNode Interest(Guid tagId, double minWeight) => new() { Type = SegmentNodeType.Interest, TagId = tagId, MinWeight = minWeight };

    public static SegmentNode InGroup(Guid groupId) => new() { Type = SegmentNodeType.InGroup, GroupId = groupId };

    public static SegmentNode InGroupOfType(GroupType type) => new() { Type = SegmentNodeType.InGroupOfType, GroupType = type };

    public static SegmentNode OnChannel(Guid channelId) => new() { Type = SegmentNodeType.OnChannel, ChannelId = channelId };

    public static SegmentNode Moment(SegmentNodeType type, DateTimeOffset at) => new() { Type = type, At = at };

    public static SegmentNode Recent(SegmentNodeType type, int days) => new() { Type = type, Days = days };

    public static SegmentNode ScoreAtLeast(double score) => new() { Type = SegmentNodeType.ScoreAtLeast, Score = score };

    public static SegmentNode ScoreAtMost(double score) => new() { Type = SegmentNodeType.ScoreAtMost, Score = score };

    public static SegmentNode Attribute(SegmentNodeType type, string key, string? value = null) => new() { Type = type, Key = key, Value = value };
}

/// <summary>What a node tests. The JSON names are camelCase (<c>"hasTag"</c>).</summary>
public enum SegmentNodeType
{
    /// <summary>Every child holds (no children: everyone).</summary>
    [JsonStringEnumMemberName("and")] And,

    /// <summary>At least one child holds (no children: nobody).</summary>
    [JsonStringEnumMemberName("or")] Or,

    /// <summary>The one child does not hold.</summary>
    [JsonStringEnumMemberName("not")] Not,

    /// <summary>The member carries the tag (any kind).</summary>
    [JsonStringEnumMemberName("hasTag")] HasTag,

    /// <summary>The member's weight for the interest tag is at least <c>minWeight</c>.</summary>
    [JsonStringEnumMemberName("interest")] Interest,

    /// <summary>The member is currently in the group.</summary>
    [JsonStringEnumMemberName("inGroup")] InGroup,

    /// <summary>The member is currently in some group of the type.</summary>
    [JsonStringEnumMemberName("inGroupOfType")] InGroupOfType,

    /// <summary>The member has an identity on the channel.</summary>
    [JsonStringEnumMemberName("onChannel")] OnChannel,

    /// <summary>The member joined (was first seen) before <c>at</c>.</summary>
    [JsonStringEnumMemberName("joinedBefore")] JoinedBefore,

    /// <summary>The member joined at or after <c>at</c>.</summary>
    [JsonStringEnumMemberName("joinedAfter")] JoinedAfter,

    /// <summary>The member joined within the last <c>days</c> days.</summary>
    [JsonStringEnumMemberName("joinedWithinDays")] JoinedWithinDays,

    /// <summary>The member was last active before <c>at</c> (never active: no).</summary>
    [JsonStringEnumMemberName("lastActiveBefore")] LastActiveBefore,

    /// <summary>The member was last active at or after <c>at</c>.</summary>
    [JsonStringEnumMemberName("lastActiveAfter")] LastActiveAfter,

    /// <summary>The member was active within the last <c>days</c> days.</summary>
    [JsonStringEnumMemberName("activeWithinDays")] ActiveWithinDays,

    /// <summary>The member was not active in the last <c>days</c> days, or never (the recall audience, 召回).</summary>
    [JsonStringEnumMemberName("inactiveForDays")] InactiveForDays,

    /// <summary>The activity score, decayed to now, is at least <c>score</c>.</summary>
    [JsonStringEnumMemberName("scoreAtLeast")] ScoreAtLeast,

    /// <summary>The activity score, decayed to now, is at most <c>score</c>.</summary>
    [JsonStringEnumMemberName("scoreAtMost")] ScoreAtMost,

    /// <summary>The custom attribute <c>key</c> equals <c>value</c>.</summary>
    [JsonStringEnumMemberName("attributeEquals")] AttributeEquals,

    /// <summary>The custom attribute <c>key</c> contains <c>value</c>.</summary>
    [JsonStringEnumMemberName("attributeContains")] AttributeContains,

    /// <summary>The member has the custom attribute <c>key</c>.</summary>
    [JsonStringEnumMemberName("attributeExists")] AttributeExists,

    /// <summary>The member does not have the custom attribute <c>key</c>.</summary>
    [JsonStringEnumMemberName("attributeMissing")] AttributeMissing,
}
