using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Merging;
using Qunyun.Features.Events;

namespace Qunyun.Features.Merges;

/// <summary>
/// Per member per day rollups across a merge. Rows of the same group and day are added together (and the group's
/// active-member count for that day drops by one: two people became one); an undo takes the absorbed member's
/// counts back out.
/// </summary>
internal static class MergeRollups
{
    public static async Task<List<DayRow>> CombineAsync(QunyunDb db, MergePlan plan, CancellationToken cancellationToken)
    {
        var (survivorId, absorbedId) = (plan.Survivor.Id, plan.Absorbed.Id);
        var rows = plan.AbsorbedDays
            .Select(d => new DayRow(d.GroupId, d.Day, d.Messages, d.Reactions, d.Interactions, plan.SurvivorDays.Contains((d.GroupId, d.Day))))
            .ToList();
        var combined = rows.Where(r => r.Combined).ToList();
        if (combined.Count > 0)
        {
            var survivorRows = await LoadAsync(db, survivorId, combined.Select(r => (r.GroupId, r.Day)).ToList(), cancellationToken);
            foreach (var row in combined)
            {
                Set(survivorRows[(row.GroupId, row.Day)], survivorRows[(row.GroupId, row.Day)].Counts() + row.Counts);
            }

            await AdjustActiveMembersAsync(db, combined.ToDictionary(r => (r.GroupId, r.Day), _ => -1), cancellationToken);
            await db.MemberDays
                .Where(a => a.MemberId == absorbedId && db.MemberDays.Any(s => s.MemberId == survivorId && s.GroupId == a.GroupId && s.Day == a.Day))
                .ExecuteDeleteAsync(cancellationToken);
        }

        await db.MemberDays.Where(d => d.MemberId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(d => d.MemberId, survivorId), cancellationToken);
        return rows;
    }

    /// <summary>Moves <paramref name="absorbed"/> counts (by group and day) out of the survivor's rows into the restored member's.</summary>
    public static async Task SplitAsync(
        QunyunDb db, Guid survivorId, Guid absorbedId, Dictionary<(Guid Group, DateOnly Day), DayCounts> absorbed, CancellationToken cancellationToken)
    {
        var survivorRows = await LoadAsync(db, survivorId, absorbed.Keys.ToList(), cancellationToken);
        var active = new Dictionary<(Guid, DateOnly), int>();
        foreach (var (key, counts) in absorbed)
        {
            survivorRows.TryGetValue(key, out var row);
            var left = (row?.Counts() ?? default) - counts;
            if (row is not null && left.IsEmpty)
            {
                db.MemberDays.Remove(row);
            }
            else if (row is not null)
            {
                Set(row, left);
            }

            if (!counts.IsEmpty)
            {
                var restored = new MemberDay { MemberId = absorbedId, GroupId = key.Group, Day = key.Day };
                Set(restored, counts);
                db.MemberDays.Add(restored);
            }

            active[key] = (left.IsEmpty ? 0 : 1) + (counts.IsEmpty ? 0 : 1) - (row is null ? 0 : 1);
        }

        await AdjustActiveMembersAsync(db, active, cancellationToken);
    }

    private static async Task<Dictionary<(Guid, DateOnly), MemberDay>> LoadAsync(
        QunyunDb db, Guid memberId, List<(Guid Group, DateOnly Day)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var groups = keys.Select(k => k.Group).Distinct().ToList();
        var (first, last) = (keys.Min(k => k.Day), keys.Max(k => k.Day));
        var wanted = keys.ToHashSet();
        return (await db.MemberDays.Where(d => d.MemberId == memberId && groups.Contains(d.GroupId) && d.Day >= first && d.Day <= last)
                .ToListAsync(cancellationToken))
            .Where(d => wanted.Contains((d.GroupId, d.Day)))
            .ToDictionary(d => (d.GroupId, d.Day));
    }

    /// <summary>Adds <paramref name="deltas"/> to the groups' active-member counts (rows outside groups have none).</summary>
    private static async Task AdjustActiveMembersAsync(QunyunDb db, Dictionary<(Guid Group, DateOnly Day), int> deltas, CancellationToken cancellationToken)
    {
        var inGroups = deltas.Where(d => d.Key.Group != Guid.Empty && d.Value != 0).ToDictionary();
        if (inGroups.Count == 0)
        {
            return;
        }

        var groups = inGroups.Keys.Select(k => k.Group).Distinct().ToList();
        var (first, last) = (inGroups.Keys.Min(k => k.Day), inGroups.Keys.Max(k => k.Day));
        foreach (var day in await db.GroupDays.Where(d => groups.Contains(d.GroupId) && d.Day >= first && d.Day <= last).ToListAsync(cancellationToken))
        {
            if (inGroups.TryGetValue((day.GroupId, day.Day), out var delta))
            {
                day.ActiveMembers += delta;
            }
        }
    }

    private static DayCounts Counts(this MemberDay d) => new(d.Messages, d.Reactions, d.Interactions);

    private static void Set(MemberDay d, DayCounts counts) =>
        (d.Messages, d.Reactions, d.Interactions) = (counts.Messages, counts.Reactions, counts.Interactions);
}
