using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;

namespace Qunyun.Features.Segments.Pages;

/// <summary>
/// The builder's editable form of a definition: groups of rows (all/any), each row a condition or a nested group,
/// each row negatable. Any definition loads into it and it always saves to a definition with the same meaning.
/// </summary>
public sealed class GroupDraft
{
    public bool Any { get; set; }
    public List<RowDraft> Rows { get; } = [];

    public SegmentNode ToNode(TimeZoneInfo zone) =>
        Any ? SegmentNode.Or(Rows.Select(r => r.ToNode(zone))) : SegmentNode.And(Rows.Select(r => r.ToNode(zone)));

    public static GroupDraft From(SegmentNode node, TimeZoneInfo zone)
    {
        if (node.Type is SegmentNodeType.And or SegmentNodeType.Or)
        {
            var group = new GroupDraft { Any = node.Type == SegmentNodeType.Or };
            group.Rows.AddRange(node.Children!.Select(c => RowDraft.From(c, zone)));
            return group;
        }

        var single = new GroupDraft();
        single.Rows.Add(RowDraft.From(node, zone));
        return single;
    }
}

public sealed class RowDraft
{
    public bool Negate { get; set; }
    public ConditionDraft? Condition { get; set; }
    public GroupDraft? Group { get; set; }

    public SegmentNode ToNode(TimeZoneInfo zone)
    {
        var node = Group?.ToNode(zone) ?? Condition!.ToNode(zone);
        return Negate ? SegmentNode.Not(node) : node;
    }

    public static RowDraft From(SegmentNode node, TimeZoneInfo zone)
    {
        var negate = node.Type == SegmentNodeType.Not;
        var inner = negate ? node.Children![0] : node;
        return inner.IsGroup
            ? new RowDraft { Negate = negate, Group = GroupDraft.From(inner, zone) }
            : new RowDraft { Negate = negate, Condition = ConditionDraft.From(inner, zone) };
    }
}

public sealed class ConditionDraft
{
    public SegmentNodeType Type { get; set; } = SegmentNodeType.HasTag;
    public Guid? TagId { get; set; }
    public Guid? GroupId { get; set; }
    public GroupType? GroupType { get; set; }
    public Guid? ChannelId { get; set; }
    public int? Days { get; set; }

    /// <summary>A calendar date in the workspace's zone; compared from its midnight.</summary>
    public DateTime? Date { get; set; }

    public double? Number { get; set; }
    public string? Key { get; set; }
    public string? Value { get; set; }

    /// <summary>The definition of this condition; a date means midnight in <paramref name="zone"/> (the workspace's).</summary>
    public SegmentNode ToNode(TimeZoneInfo zone) => new()
    {
        Type = Type,
        TagId = Type is SegmentNodeType.HasTag or SegmentNodeType.Interest ? TagId : null,
        MinWeight = Type == SegmentNodeType.Interest ? Number : null,
        GroupId = Type == SegmentNodeType.InGroup ? GroupId : null,
        GroupType = Type == SegmentNodeType.InGroupOfType ? GroupType : null,
        ChannelId = Type == SegmentNodeType.OnChannel ? ChannelId : null,
        Days = Type is SegmentNodeType.JoinedWithinDays or SegmentNodeType.ActiveWithinDays or SegmentNodeType.InactiveForDays ? Days : null,
        At = UsesDate(Type) && Date is { } date ? new DateTimeOffset(date.Date, zone.GetUtcOffset(date.Date)) : null,
        Score = Type is SegmentNodeType.ScoreAtLeast or SegmentNodeType.ScoreAtMost ? Number : null,
        Key = IsAttribute(Type) ? Key?.Trim() : null,
        Value = Type is SegmentNodeType.AttributeEquals or SegmentNodeType.AttributeContains ? Value : null,
    };

    public static ConditionDraft From(SegmentNode node, TimeZoneInfo zone) => new()
    {
        Type = node.Type ?? SegmentNodeType.HasTag,
        TagId = node.TagId,
        GroupId = node.GroupId,
        GroupType = node.GroupType,
        ChannelId = node.ChannelId,
        Days = node.Days,
        Date = node.At is { } at ? TimeZoneInfo.ConvertTime(at, zone).DateTime : null,
        Number = node.MinWeight ?? node.Score,
        Key = node.Key,
        Value = node.Value,
    };

    public static bool UsesDate(SegmentNodeType type) =>
        type is SegmentNodeType.JoinedBefore or SegmentNodeType.JoinedAfter or SegmentNodeType.LastActiveBefore or SegmentNodeType.LastActiveAfter;

    public static bool IsAttribute(SegmentNodeType type) =>
        type is SegmentNodeType.AttributeEquals or SegmentNodeType.AttributeContains or SegmentNodeType.AttributeExists or SegmentNodeType.AttributeMissing;

    /// <summary>The condition kinds the builder offers, in the order of its menu.</summary>
    public static readonly IReadOnlyList<SegmentNodeType> Kinds = Enum.GetValues<SegmentNodeType>().Where(t => t > SegmentNodeType.Not).ToList();
}
