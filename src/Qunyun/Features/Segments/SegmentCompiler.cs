using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Qunyun.Data;
using Qunyun.Engine.Segments;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Members;

namespace Qunyun.Features.Segments;

/// <summary>
/// Turns a validated definition into a predicate on <see cref="Member"/> that EF Core translates to one SQL query:
/// nothing is evaluated in memory. Tag, group, channel and attribute conditions are <c>Id IN (subquery)</c>, the shape
/// SQLite's planner handles well (docs/benchmarks.md). Relative dates and score decay are fixed at <paramref name="now"/>.
/// </summary>
public sealed class SegmentCompiler(QunyunDb db, DateTime now, TimeSpan halfLife, TimeSpan interestHalfLife)
{
    private static readonly ParameterExpression Row = Expression.Parameter(typeof(Member), "m");

    public Expression<Func<Member, bool>> Compile(SegmentNode definition) =>
        Expression.Lambda<Func<Member, bool>>(Body(definition), Row);

    private Expression Body(SegmentNode node) => node.Type switch
    {
        SegmentNodeType.And => node.Children!.Count == 0
            ? Expression.Constant(true)
            : node.Children.Select(Body).Aggregate(Expression.AndAlso),
        SegmentNodeType.Or => node.Children!.Count == 0
            ? Expression.Constant(false)
            : node.Children.Select(Body).Aggregate(Expression.OrElse),
        SegmentNodeType.Not => Expression.Not(Body(node.Children![0])),
        _ => Inline(Condition(node)),
    };

    private static Expression Inline(Expression<Func<Member, bool>> condition) =>
        ReplacingExpressionVisitor.Replace(condition.Parameters[0], Row, condition.Body);

    private Expression<Func<Member, bool>> Condition(SegmentNode node)
    {
        switch (node.Type)
        {
            case SegmentNodeType.HasTag:
                var tagId = node.TagId!.Value;
                return m => db.MemberTags.Where(t => t.TagId == tagId).Select(t => t.MemberId).Contains(m.Id);
            case SegmentNodeType.Interest:
                // The weight now, not as stored: see MemberTag.DecayKey.
                var (interestId, minWeight) = (node.TagId!.Value, node.MinWeight!.Value);
                var key = InterestWeight.ThresholdKey(minWeight, now, interestHalfLife);
                return m => db.MemberTags.Where(t => t.TagId == interestId && (t.DecayKey == null ? t.Weight >= minWeight : t.DecayKey >= key))
                    .Select(t => t.MemberId).Contains(m.Id);
            case SegmentNodeType.InGroup:
                var groupId = node.GroupId!.Value;
                return m => db.Memberships.Where(g => g.GroupId == groupId && g.LeftAt == null).Select(g => g.MemberId).Contains(m.Id);
            case SegmentNodeType.InGroupOfType:
                var groupType = node.GroupType!.Value;
                return m => db.Memberships.Where(g => g.LeftAt == null && g.Group!.Type == groupType).Select(g => g.MemberId).Contains(m.Id);
            case SegmentNodeType.OnChannel:
                var channelId = node.ChannelId!.Value;
                return m => db.MemberIdentities.Where(i => i.ChannelId == channelId).Select(i => i.MemberId).Contains(m.Id);
            default:
                return Dates(node) ?? Score(node) ?? Attribute(node);
        }
    }

    private Expression<Func<Member, bool>>? Dates(SegmentNode node)
    {
        DateTime? at = node.At?.UtcDateTime;
        DateTime? since = node.Days is { } days ? now.AddDays(-days) : null;
        return node.Type switch
        {
            SegmentNodeType.JoinedBefore => m => m.CreatedAt < at,
            SegmentNodeType.JoinedAfter => m => m.CreatedAt >= at,
            SegmentNodeType.JoinedWithinDays => m => m.CreatedAt >= since,
            SegmentNodeType.LastActiveBefore => m => m.LastActiveAt < at,
            SegmentNodeType.LastActiveAfter => m => m.LastActiveAt >= at,
            SegmentNodeType.ActiveWithinDays => m => m.LastActiveAt >= since,
            SegmentNodeType.InactiveForDays => m => m.LastActiveAt == null || m.LastActiveAt < since,
            _ => null,
        };
    }

    /// <summary>
    /// The score decayed to now: <c>S · 2^(−(now − t) / halfLife)</c>, as Qunyun.Engine.Scoring.ActivityScore computes it.
    /// Scores never go below zero, so decay only lowers them: the stored score is tested first, which spares the
    /// power function for most rows.
    /// </summary>
    private Expression<Func<Member, bool>>? Score(SegmentNode node)
    {
        var score = node.Score ?? 0;
        var (moment, nowSeconds, halfLifeSeconds) = (now, SqlTime.EpochSeconds(now), halfLife.TotalSeconds);
        return node.Type switch
        {
            SegmentNodeType.ScoreAtLeast => m => m.ActivityScore >= score &&
                (m.ActivityScoreAt == null || m.ActivityScoreAt >= moment
                    ? m.ActivityScore
                    : m.ActivityScore * Math.Pow(2, (SqlTime.EpochSeconds(m.ActivityScoreAt.Value) - nowSeconds) / halfLifeSeconds)) >= score,
            SegmentNodeType.ScoreAtMost => m => m.ActivityScore <= score ||
                (m.ActivityScoreAt == null || m.ActivityScoreAt >= moment
                    ? m.ActivityScore
                    : m.ActivityScore * Math.Pow(2, (SqlTime.EpochSeconds(m.ActivityScoreAt.Value) - nowSeconds) / halfLifeSeconds)) <= score,
            _ => null,
        };
    }

    private Expression<Func<Member, bool>> Attribute(SegmentNode node)
    {
        var (key, value) = (node.Key!, node.Value ?? "");
        var withKey = db.MemberAttributes.Where(a => a.Key == key);
        return node.Type switch
        {
            SegmentNodeType.AttributeEquals => m => withKey.Where(a => a.Value == value).Select(a => a.MemberId).Contains(m.Id),
            SegmentNodeType.AttributeContains => m => withKey.Where(a => a.Value.Contains(value)).Select(a => a.MemberId).Contains(m.Id),
            SegmentNodeType.AttributeExists => m => withKey.Select(a => a.MemberId).Contains(m.Id),
            SegmentNodeType.AttributeMissing => m => !withKey.Select(a => a.MemberId).Contains(m.Id),
            _ => throw new ArgumentException($"Not a condition: {node.Type}", nameof(node)),
        };
    }
}
