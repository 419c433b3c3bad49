using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Tags;

/// <summary>A rule tag with its rule, as the evaluators read it.</summary>
public sealed record RuleTag(Guid Id, string Name, TagRule Rule)
{
    public TagRef Ref => new(Id, Name, TagKind.Rule);

    public static async Task<List<RuleTag>> LoadAsync(QunyunDb db, CancellationToken cancellationToken) =>
        (await db.Tags.AsNoTracking().Where(t => t.Kind == TagKind.Rule && t.Rule != null)
            .Select(t => new { t.Id, t.Name, t.Rule }).ToListAsync(cancellationToken))
        .Select(t => new RuleTag(t.Id, t.Name, t.Rule!)).ToList();
}

/// <summary>
/// Rule tags for the members one batch touched: every rule the batch can change is measured for those members in one
/// grouped query, and the tag is put on or taken off where the answer changed.
/// </summary>
internal static class RuleTagging
{
    public static async Task ApplyAsync(QunyunDb db, IReadOnlyCollection<Guid> members, IReadOnlySet<EventKind> kinds, DateTime now, CancellationToken cancellationToken)
    {
        // Rules that hold without activity are measured for every touched member: a join can bring one into scope.
        var rules = (await RuleTag.LoadAsync(db, cancellationToken))
            .Where(r => kinds.Contains(r.Rule.Metric.Kind()) || r.Rule.HoldsWithoutActivity()).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        // The queries below read the rollups and facts of this very batch: write them first (same transaction).
        await db.SaveChangesAsync(cancellationToken);
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).SingleAsync(cancellationToken));
        var ruleIds = rules.Select(r => r.Id).ToList();
        var held = await db.MemberTags.Where(t => ruleIds.Contains(t.TagId) && members.Contains(t.MemberId))
            .ToDictionaryAsync(t => (t.MemberId, t.TagId), cancellationToken);

        foreach (var tag in rules)
        {
            var measures = await RuleMeasures.Of(db, tag.Rule, tag.Rule.Window(now, zone), members)
                .ToDictionaryAsync(m => m.MemberId, m => m.Value, cancellationToken);
            var inScope = tag.Rule.HoldsWithoutActivity()
                ? (await RuleMeasures.Scope(db, tag.Rule).Where(id => members.Contains(id)).ToListAsync(cancellationToken)).ToHashSet()
                : [];
            foreach (var member in members)
            {
                var holds = tag.Rule.HoldsFor(measures.GetValueOrDefault(member), inScope.Contains(member));
                var has = held.TryGetValue((member, tag.Id), out var memberTag);
                if (holds && !has)
                {
                    TagHistory.Put(db, member, tag.Ref, now, TagChangeCause.Event);
                }
                else if (!holds && has)
                {
                    TagHistory.Take(db, member, tag.Ref, now, TagChangeCause.Event, memberTag);
                }
            }
        }
    }
}
