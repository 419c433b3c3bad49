using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;
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
/// Rule tags for the members one batch touched: each rule the batch can change is measured for those members — from
/// the warm <see cref="RuleMeasureCache"/> plus what the batch adds, and for members not seen before in one grouped
/// query — and the tag is put on or taken off where the answer changed.
/// </summary>
internal static class RuleTagging
{
    public static async Task ApplyAsync(PipelineBatch batch, IReadOnlyCollection<Guid> members, IReadOnlyList<MemberFact> facts, DateTime now,
        CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var kinds = batch.Events.Select(p => p.Kind).ToHashSet();
        // Rules that hold without activity are measured for every touched member: a join can bring one into scope.
        var rules = (await RuleTag.LoadAsync(db, cancellationToken))
            .Where(r => kinds.Contains(r.Rule.Metric.Kind()) || r.Rule.HoldsWithoutActivity()).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var cache = batch.Warm<RuleMeasureCache>();
        cache.Zone ??= WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).SingleAsync(cancellationToken));
        var ruleIds = rules.Select(r => r.Id).ToList();
        var held = await db.MemberTags.Where(t => ruleIds.Contains(t.TagId) && members.Contains(t.MemberId))
            .ToDictionaryAsync(t => (t.MemberId, t.TagId), cancellationToken);
        var channelOfGroup = batch.Events.Where(p => p.Group is not null).Select(p => p.Group!).DistinctBy(g => g.Id).ToDictionary(g => g.Id, g => g.ChannelId);

        foreach (var tag in rules)
        {
            var window = tag.Rule.Window(now, cache.Zone);
            var measures = await MeasureAsync(db, tag, window, members, cache.For(tag, window),
                RuleMeasureCache.BatchDeltas(tag.Rule, window, batch.MemberDays, channelOfGroup, facts), cancellationToken);
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

    /// <summary>
    /// Brings the cached measures up to this batch. The database already holds this batch's rollups (written before
    /// the stages) but not its facts (saved with the batch), so a member read from it gets the batch's facts added and
    /// a member already known gets whatever the batch adds.
    /// </summary>
    private static async Task<Dictionary<Guid, long>> MeasureAsync(QunyunDb db, RuleTag tag, RuleWindow window, IReadOnlyCollection<Guid> members,
        Dictionary<Guid, long> known, Dictionary<Guid, long> deltas, CancellationToken cancellationToken)
    {
        var missing = members.Where(m => !known.ContainsKey(m)).ToList();
        var read = missing.Count == 0
            ? []
            : await RuleMeasures.Of(db, tag.Rule, window, missing).ToDictionaryAsync(m => m.MemberId, m => m.Value, cancellationToken);
        var readIncludesBatch = tag.Rule.Metric.ReadsRollups();
        foreach (var member in missing)
        {
            known[member] = read.GetValueOrDefault(member) - (readIncludesBatch ? deltas.GetValueOrDefault(member) : 0);
        }

        foreach (var (member, delta) in deltas)
        {
            if (known.ContainsKey(member))
            {
                known[member] += delta;
            }
        }

        return known;
    }
}
