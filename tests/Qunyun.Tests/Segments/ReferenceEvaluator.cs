using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Scoring;
using Qunyun.Engine.Segments;

namespace Qunyun.Tests.Segments;

/// <summary>Everything a definition can test about one member, loaded into memory.</summary>
internal sealed record MemberFacts(
    Guid Id,
    DateTime CreatedAt,
    DateTime? LastActiveAt,
    double Score,
    DateTime? ScoreAt,
    IReadOnlyDictionary<Guid, double> Tags,
    IReadOnlyList<(Guid Group, GroupType Type)> CurrentGroups,
    IReadOnlySet<Guid> Channels,
    IReadOnlyDictionary<string, string> Attributes)
{
    public static async Task<List<MemberFacts>> LoadAsync(QunyunDb db)
    {
        var tags = (await db.MemberTags.ToListAsync()).ToLookup(t => t.MemberId);
        var groups = (await db.Memberships.Where(m => m.LeftAt == null).Select(m => new { m.MemberId, m.GroupId, m.Group!.Type }).ToListAsync())
            .ToLookup(m => m.MemberId);
        var channels = (await db.MemberIdentities.ToListAsync()).ToLookup(i => i.MemberId);
        var attributes = (await db.MemberAttributes.ToListAsync()).ToLookup(a => a.MemberId);
        return (await db.Members.ToListAsync()).Select(m => new MemberFacts(
            m.Id, m.CreatedAt, m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt,
            tags[m.Id].ToDictionary(t => t.TagId, t => t.Weight),
            [.. groups[m.Id].Select(g => (g.GroupId, g.Type))],
            channels[m.Id].Select(i => i.ChannelId).ToHashSet(),
            attributes[m.Id].ToDictionary(a => a.Key, a => a.Value))).ToList();
    }
}

/// <summary>
/// The meaning of a definition, written the plain way over members in memory: what the SQL the compiler produces must
/// agree with. Lives in the tests only; the product never evaluates a segment in memory.
/// </summary>
internal static class ReferenceEvaluator
{
    public static bool Matches(SegmentNode node, MemberFacts m, DateTime now, TimeSpan halfLife)
    {
        DateTime? since = node.Days is { } days ? now.AddDays(-days) : null;
        var at = node.At?.UtcDateTime;
        return node.Type switch
        {
            SegmentNodeType.And => node.Children!.All(c => Matches(c, m, now, halfLife)),
            SegmentNodeType.Or => node.Children!.Any(c => Matches(c, m, now, halfLife)),
            SegmentNodeType.Not => !Matches(node.Children![0], m, now, halfLife),
            SegmentNodeType.HasTag => m.Tags.ContainsKey(node.TagId!.Value),
            SegmentNodeType.Interest => m.Tags.TryGetValue(node.TagId!.Value, out var weight) && weight >= node.MinWeight,
            SegmentNodeType.InGroup => m.CurrentGroups.Any(g => g.Group == node.GroupId),
            SegmentNodeType.InGroupOfType => m.CurrentGroups.Any(g => g.Type == node.GroupType),
            SegmentNodeType.OnChannel => m.Channels.Contains(node.ChannelId!.Value),
            SegmentNodeType.JoinedBefore => m.CreatedAt < at,
            SegmentNodeType.JoinedAfter => m.CreatedAt >= at,
            SegmentNodeType.JoinedWithinDays => m.CreatedAt >= since,
            SegmentNodeType.LastActiveBefore => m.LastActiveAt is { } last && last < at,
            SegmentNodeType.LastActiveAfter => m.LastActiveAt is { } recent && recent >= at,
            SegmentNodeType.ActiveWithinDays => m.LastActiveAt is { } active && active >= since,
            SegmentNodeType.InactiveForDays => m.LastActiveAt is not { } inactive || inactive < since,
            SegmentNodeType.ScoreAtLeast => Decayed(m, now, halfLife) >= node.Score,
            SegmentNodeType.ScoreAtMost => Decayed(m, now, halfLife) <= node.Score,
            SegmentNodeType.AttributeEquals => m.Attributes.TryGetValue(node.Key!, out var value) && value == node.Value,
            SegmentNodeType.AttributeContains => m.Attributes.TryGetValue(node.Key!, out var text) && text.Contains(node.Value!, StringComparison.Ordinal),
            SegmentNodeType.AttributeExists => m.Attributes.ContainsKey(node.Key!),
            SegmentNodeType.AttributeMissing => !m.Attributes.ContainsKey(node.Key!),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.Type, null),
        };
    }

    private static double Decayed(MemberFacts m, DateTime now, TimeSpan halfLife) =>
        new ActivityScore(m.Score, m.ScoreAt ?? now).DecayedTo(now, halfLife).Value;
}
