using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Tags;

namespace Qunyun.Bench.Ingest;

/// <summary>What the stages left behind, read back after a run: proof that the realistic workspace did its work.</summary>
internal static class WorkspaceOutcome
{
    public static async Task PrintAsync(QunyunDbFactory factory, Guid workspaceId, IReadOnlyDictionary<string, int> traffic)
    {
        Console.WriteLine($"  traffic: {string.Join(", ", traffic.OrderByDescending(t => t.Value).Select(t => $"{t.Value:N0} {t.Key}"))}");
        await using var db = factory.Create(workspaceId);
        var outbox = await db.Outbox.GroupBy(o => o.Action).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var tags = await db.MemberTags.GroupBy(t => t.Tag!.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine($"  outcome: {await db.Members.CountAsync():N0} members, {await db.ModerationDecisions.CountAsync():N0} moderation decisions, " +
            $"outbox {string.Join(", ", outbox.OrderByDescending(o => o.Count).Select(o => $"{o.Count:N0} {o.Key}"))}, " +
            $"{await db.PointsEntries.CountAsync():N0} points entries, {await db.PendingWelcomes.CountAsync():N0} pending welcomes, " +
            $"{await db.MemberFacts.CountAsync():N0} member facts, tags held {string.Join(", ", tags.Select(t => $"{t.Key} {t.Count:N0}"))}");
    }
}
