using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation;

/// <summary>Which versions are in force where: the workspace default and each group's override.</summary>
public static class RulesInForce
{
    public sealed record Current(RuleSet RuleSet, RuleSetDefinition Definition);

    /// <summary>Every rule set with its current definition (one query: the sets and their current versions).</summary>
    public static async Task<List<Current>> AllAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var rows = await db.RuleSets.AsNoTracking()
            .Join(db.RuleSetVersions, r => r.CurrentVersionId, v => v.Id, (r, v) => new { RuleSet = r, v.Definition })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Current(r.RuleSet, ModerationJson.ReadDefinition(r.Definition))).ToList();
    }

    public static async Task<Dictionary<Guid, RuleSetDefinition>> OverridesAsync(QunyunDb db, CancellationToken cancellationToken) =>
        (await AllAsync(db, cancellationToken)).Where(c => c.RuleSet.GroupId is not null).ToDictionary(c => c.RuleSet.GroupId!.Value, c => c.Definition);

    public static async Task<GroupRulesResponse> ForGroupAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var all = await db.RuleSets.AsNoTracking().Where(r => r.GroupId == null || r.GroupId == groupId)
            .Join(db.RuleSetVersions, r => r.CurrentVersionId, v => v.Id, (r, v) => new { RuleSet = r, v.Definition })
            .ToListAsync(cancellationToken);
        var workspaceDefault = all.FirstOrDefault(r => r.RuleSet.GroupId is null);
        var groupOverride = all.FirstOrDefault(r => r.RuleSet.GroupId == groupId);
        VersionRef? Ref(RuleSet? set) => set is null ? null : new VersionRef(set.Id, set.CurrentVersionId, set.CurrentNumber);
        var effective = EffectiveRuleSet.Merge(
            workspaceDefault is null ? null : ModerationJson.ReadDefinition(workspaceDefault.Definition),
            groupOverride is null ? null : ModerationJson.ReadDefinition(groupOverride.Definition));
        return new GroupRulesResponse(groupId, Ref(workspaceDefault?.RuleSet), Ref(groupOverride?.RuleSet),
            Label(workspaceDefault?.RuleSet.CurrentNumber, groupOverride?.RuleSet.CurrentNumber), effective);
    }

    /// <summary>The group rules (群规) members read: the group override's text, else the workspace default's.</summary>
    public static async Task<string?> TextForGroupAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken) =>
        (await ForGroupAsync(db, groupId, cancellationToken)).Effective.RulesText;

    /// <summary>The group rules text of any group, from one read of every rule set.</summary>
    public static async Task<Func<Guid, string?>> TextsAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var all = await AllAsync(db, cancellationToken);
        var workspaceDefault = all.FirstOrDefault(c => c.RuleSet.GroupId is null)?.Definition;
        var overrides = all.Where(c => c.RuleSet.GroupId is not null).ToDictionary(c => c.RuleSet.GroupId!.Value, c => c.Definition);
        return groupId => EffectiveRuleSet.Merge(workspaceDefault, overrides.GetValueOrDefault(groupId)).RulesText;
    }

    /// <summary>"default v3 + group v2", as the audit stores it.</summary>
    public static string Label(int? defaultNumber, int? overrideNumber) =>
        (defaultNumber, overrideNumber) switch
        {
            (null, null) => "none",
            ({ } d, null) => $"default v{d}",
            (null, { } o) => $"group v{o}",
            ({ } d, { } o) => $"default v{d} + group v{o}",
        };
}
