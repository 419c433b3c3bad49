using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Creates the next immutable version of a rule set (creating the set itself for its first version), after checking
/// the whole definition; optionally queues the rules text (群规) for the groups it applies to. All or nothing.
/// </summary>
public sealed class PublishRuleSet(TimeProvider clock)
{
    public sealed record Outcome(RuleSet? RuleSet, RuleSetVersion? Version, FieldErrors? Errors, string? Conflict);

    /// <param name="db">A context scoped to the workspace.</param>
    /// <param name="groupId">The group whose override this is, or null for the workspace default.</param>
    /// <param name="definition">The whole new definition.</param>
    /// <param name="summary">What changed, in the author's words; generated from the diff when empty.</param>
    /// <param name="author">Who publishes (console user or API key).</param>
    /// <param name="postRules">Queue the rules text for the groups this set applies to.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<Outcome> ExecuteAsync(
        QunyunDb db, Guid? groupId, RuleSetDefinition? definition, string? summary, string author, bool postRules, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (definition is null)
        {
            return new Outcome(null, null, errors.Add("definition", "Required."), null);
        }

        definition = definition.Normalized();
        var lists = (await db.WordLists.Select(w => w.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, message) in RuleSetValidation.Check(definition, groupId is not null, lists, "definition"))
        {
            errors.Add(field, message);
        }

        if (summary?.Trim().Length > 500)
        {
            errors.Add("summary", "At most 500 characters.");
        }

        if (errors.Any)
        {
            return new Outcome(null, null, errors, null);
        }

        var scope = RuleSet.ScopeOf(groupId);
        var ruleSet = await db.RuleSets.FirstOrDefaultAsync(r => r.Scope == scope, cancellationToken);
        var previous = ruleSet is null ? null
            : ModerationJson.ReadDefinition(await db.RuleSetVersions.Where(v => v.Id == ruleSet.CurrentVersionId).Select(v => v.Definition).SingleAsync(cancellationToken));
        var changes = RuleSetDiff.Between(previous, definition);
        if (ruleSet is not null && changes.Count == 0)
        {
            return new Outcome(ruleSet, null, null, $"Nothing changed from version {ruleSet.CurrentNumber}.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (ruleSet is null)
        {
            ruleSet = new RuleSet { Id = Guid.CreateVersion7(now), Scope = scope, GroupId = groupId, CreatedAt = now.UtcDateTime };
            db.RuleSets.Add(ruleSet);
        }

        var version = new RuleSetVersion
        {
            Id = Guid.CreateVersion7(now),
            RuleSetId = ruleSet.Id,
            Number = ruleSet.CurrentNumber + 1,
            Definition = ModerationJson.Write(definition),
            Summary = string.IsNullOrWhiteSpace(summary) ? Truncate(RuleSetDiff.Summarize(changes), 500) : summary.Trim(),
            Author = author,
            CreatedAt = now.UtcDateTime,
        };
        db.RuleSetVersions.Add(version);
        (ruleSet.CurrentVersionId, ruleSet.CurrentNumber, ruleSet.UpdatedAt) = (version.Id, version.Number, now.UtcDateTime);
        if (postRules)
        {
            await QueueRulesTextAsync(db, ruleSet, version, definition, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(ruleSet, version, null, null);
    }

    /// <summary>The rules text goes to every active group whose text this set decides (for the default: the groups
    /// whose override does not bring its own).</summary>
    private async Task QueueRulesTextAsync(QunyunDb db, RuleSet ruleSet, RuleSetVersion version, RuleSetDefinition definition, CancellationToken cancellationToken)
    {
        var workspaceDefault = ruleSet.IsDefault ? definition : await CurrentDefaultAsync(db, cancellationToken);
        var overrides = await RulesInForce.OverridesAsync(db, cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Status == GroupStatus.Active)
            .Where(g => ruleSet.GroupId == null || g.Id == ruleSet.GroupId)
            .Select(g => new { g.Id, g.ChannelId, g.ExternalId }).ToListAsync(cancellationToken);
        var culture = await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.DefaultCulture).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var group in groups)
        {
            var groupOverride = ruleSet.IsDefault ? overrides.GetValueOrDefault(group.Id) : definition;
            if (ruleSet.IsDefault && groupOverride?.RulesText is not null)
            {
                continue;
            }

            var text = EffectiveRuleSet.Merge(workspaceDefault, groupOverride).RulesText;
            if (!string.IsNullOrWhiteSpace(text))
            {
                var header = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? $"【群规 · 第 {version.Number} 版】" : $"[Group rules · version {version.Number}]";
                OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, $"{header}\n{text}"),
                    $"mod:rules:{version.Id}:{group.Id}", now);
            }
        }
    }

    private static async Task<RuleSetDefinition?> CurrentDefaultAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var json = await db.RuleSets.Where(r => r.Scope == RuleSet.DefaultScope)
            .Join(db.RuleSetVersions, r => r.CurrentVersionId, v => v.Id, (r, v) => v.Definition).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : ModerationJson.ReadDefinition(json);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
