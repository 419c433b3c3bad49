using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Segments;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Moderation;
using Qunyun.Features.Segments;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Demo;

/// <summary>
/// What the demo's staff did after the 90 days, through the same use cases the console calls: reviewed a few
/// moderation decisions and reversed them, set up rule tags (applied to every member from the stored traffic) and
/// saved the segments they work with.
/// </summary>
public sealed class DemoStaff(ReviewDecision review, SaveTag saveTag, SaveSegment saveSegment)
{
    public const string Reviewer = "小林 Xiaolin";
    private const int Reversals = 3;

    public async Task ActAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        await ReviewAsync(db, cancellationToken);
        var tags = await RuleTagsAsync(db, cancellationToken);
        await SegmentsAsync(db, tags, cancellationToken);
    }

    /// <summary>The first decisions of the period were judged too strict: warned in private instead.</summary>
    private async Task ReviewAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        if (await db.ModerationDecisions.AnyAsync(d => d.Status != DecisionStatus.Applied, cancellationToken))
        {
            return;
        }

        var first = await db.ModerationDecisions.Where(d => d.Status == DecisionStatus.Applied && d.ReversesId == null).OrderBy(d => d.OccurredAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(Reversals).ToListAsync(cancellationToken);
        foreach (var id in first)
        {
            await review.ExecuteAsync(db, id, Reviewer, "已私下提醒，撤销处罚 / reminded in private instead", null, cancellationToken);
        }
    }

    private async Task<Dictionary<string, Guid>> RuleTagsAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        (string Name, string Color, string Description, TagRuleRequest Rule)[] rules =
        [
            ("话痨 chatty", "#fb8c00", "30 天内发言 ≥ 20 条 / 20+ messages in 30 days",
                new TagRuleRequest { Metric = RuleMetric.Messages, Comparison = RuleComparison.AtLeast, Threshold = 20, WindowDays = 30 }),
            ("打卡达人 regular", "#3949ab", "30 天内签到 ≥ 5 次 / 5+ check-ins in 30 days",
                new TagRuleRequest { Metric = RuleMetric.CheckIns, Comparison = RuleComparison.AtLeast, Threshold = 5, WindowDays = 30 }),
            ("高消费 big spender", "#c62828", "90 天内消费 ≥ ¥200 / spent ¥200+ in 90 days",
                new TagRuleRequest { Metric = RuleMetric.PurchaseAmount, Comparison = RuleComparison.AtLeast, Threshold = 200, WindowDays = 90, Currency = "CNY" }),
        ];
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, color, description, rule) in rules)
        {
            var id = await db.Tags.Where(t => t.Name == name).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            var request = new TagRequest { Name = name, Color = color, Description = description, Kind = TagKind.Rule, Rule = rule };
            if (id is null && await saveTag.ExecuteAsync(db, null, request, cancellationToken) is SaveTagResult.Saved saved)
            {
                id = saved.Id;
            }

            if (id is { } found)
            {
                ids[name] = found;
            }
        }

        return ids;
    }

    private async Task SegmentsAsync(QunyunDb db, Dictionary<string, Guid> tags, CancellationToken cancellationToken)
    {
        if (await db.Segments.AnyAsync(cancellationToken) || tags.Count < 3)
        {
            return;
        }

        var ethiopia = await db.Tags.Where(t => t.Name == "interest:ethiopia").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        (string Name, string Description, SegmentNode Definition)[] segments =
        [
            ("活跃核心 Active core", "话痨且 7 天内活跃 / chatty and active this week",
                SegmentNode.And(SegmentNode.HasTag(tags["话痨 chatty"]), SegmentNode.Recent(SegmentNodeType.ActiveWithinDays, 7))),
            ("沉默待召回 To win back", "30 天没有动静 / quiet for 30 days", SegmentNode.Recent(SegmentNodeType.InactiveForDays, 30)),
            ("高价值会员 Best customers", "高消费或打卡达人 / big spenders or regulars",
                SegmentNode.Or(SegmentNode.HasTag(tags["高消费 big spender"]), SegmentNode.HasTag(tags["打卡达人 regular"]))),
            .. ethiopia is { } tag
                ? [("埃塞俄比亚爱好者 Ethiopia fans", "埃塞俄比亚兴趣权重 ≥ 1 / interest weight 1+", SegmentNode.Interest(tag, 1))]
                : Array.Empty<(string, string, SegmentNode)>(),
        ];
        foreach (var (name, description, definition) in segments)
        {
            await saveSegment.ExecuteAsync(db, null, name, description, definition, cancellationToken);
        }
    }
}
