using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Sizing;

public enum SizeRecommendation
{
    /// <summary>Small enough to talk by itself.</summary>
    None,

    /// <summary>Past the first threshold: it needs rules and activities.</summary>
    NeedsStructure,

    /// <summary>Past the second threshold: consider splitting it.</summary>
    Split,
}

/// <param name="FlaggedJoins">Newcomers past capacity the platform could not remove (WeCom), while the group is still over it.</param>
/// <param name="RemovedJoins">Newcomers past capacity Qunyun asked the platform to remove.</param>
public sealed record GroupSizeResponse(
    Guid GroupId, int MemberCount, int Capacity, int IntimateLimit, int StableLimit, SizeRecommendation Recommendation,
    bool OverCapacity, int FlaggedJoins, int RemovedJoins, Guid? LatestProposalId, SplitStatus? LatestProposalStatus);

public sealed record SizeAttentionGroup(Guid Id, string Name, int MemberCount, int Capacity, SizeRecommendation Recommendation, int FlaggedJoins);

/// <summary>The groups the dashboard points at: to split, to give structure, and full groups whose platform could not turn newcomers away.</summary>
public sealed record SizeAttentionResponse(int IntimateLimit, int StableLimit, int NeedStructure, int ToSplit, IReadOnlyList<SizeAttentionGroup> Groups);

/// <summary>What the size of a group calls for, by the workspace's thresholds.</summary>
public static class SizeAdvice
{
    public static SizeRecommendation Recommend(SizeThresholds thresholds, int members) => thresholds.Classify(members) switch
    {
        SizeBand.PastStableLimit => SizeRecommendation.Split,
        SizeBand.NeedsStructure => SizeRecommendation.NeedsStructure,
        _ => SizeRecommendation.None,
    };

    public static async Task<GroupSizeResponse?> ForGroupAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.MemberCount, g.Capacity }).FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var thresholds = await SizeSettings.LoadAsync(db, cancellationToken);
        var overflows = await db.CapacityOverflows.AsNoTracking().Where(o => o.GroupId == groupId).GroupBy(o => o.Removed)
            .Select(g => new { Removed = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var latest = await db.SplitProposals.AsNoTracking().Where(p => p.GroupId == groupId).OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Status }).FirstOrDefaultAsync(cancellationToken);
        var over = group.Capacity > 0 && group.MemberCount > group.Capacity;
        return new GroupSizeResponse(groupId, group.MemberCount, group.Capacity, thresholds.Intimate, thresholds.Stable,
            Recommend(thresholds, group.MemberCount), over, over ? overflows.Where(o => !o.Removed).Sum(o => o.Count) : 0,
            overflows.Where(o => o.Removed).Sum(o => o.Count), latest?.Id, latest?.Status);
    }

    public static async Task<SizeAttentionResponse> AttentionAsync(QunyunDb db, int top, CancellationToken cancellationToken)
    {
        var thresholds = await SizeSettings.LoadAsync(db, cancellationToken);
        var active = db.Groups.AsNoTracking().Where(g => g.Status == GroupStatus.Active);
        var needStructure = await active.CountAsync(g => g.MemberCount > thresholds.Intimate && g.MemberCount <= thresholds.Stable, cancellationToken);
        var toSplit = await active.CountAsync(g => g.MemberCount > thresholds.Stable, cancellationToken);
        var flagged = db.CapacityOverflows.Where(o => !o.Removed);
        var groups = await active
            .Where(g => g.MemberCount > thresholds.Stable || g.Capacity > 0 && g.MemberCount > g.Capacity && flagged.Any(o => o.GroupId == g.Id))
            .OrderByDescending(g => g.MemberCount).ThenBy(g => g.Name).Take(top)
            .Select(g => new { g.Id, g.Name, g.MemberCount, g.Capacity, Flagged = g.MemberCount > g.Capacity ? flagged.Count(o => o.GroupId == g.Id) : 0 })
            .ToListAsync(cancellationToken);
        return new SizeAttentionResponse(thresholds.Intimate, thresholds.Stable, needStructure, toSplit,
            groups.ConvertAll(g => new SizeAttentionGroup(g.Id, g.Name, g.MemberCount, g.Capacity, Recommend(thresholds, g.MemberCount), g.Flagged)));
    }
}
