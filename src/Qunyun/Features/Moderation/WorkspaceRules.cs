using System.Collections.Concurrent;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation;

/// <summary>One generation of a workspace's moderation settings, and the rules compiled from it per group.</summary>
public sealed class WorkspaceRules
{
    public sealed record ListWords(Guid Id, int Revision, IReadOnlyList<string> Words);

    public sealed record GroupAllowList(IReadOnlyList<string> Phrases, IReadOnlyList<string> Domains);

    private readonly RulesInForce.Current? _default;
    private readonly Dictionary<Guid, RulesInForce.Current> _overrides;
    private readonly Dictionary<Guid, GroupAllowList> _allow;
    private readonly ConcurrentDictionary<string, GroupRules> _byStamp;
    private readonly Action _compiled;
    private readonly ConcurrentDictionary<(Guid Group, ModerationLevel Level), GroupRules> _groups = new();

    public WorkspaceRules(
        long generation, IReadOnlyList<RulesInForce.Current> sets, Dictionary<string, ListWords> lists, Dictionary<Guid, GroupAllowList> allow,
        IReadOnlyDictionary<string, GroupRules> carried, Action compiled)
    {
        Generation = generation;
        _default = sets.FirstOrDefault(s => s.RuleSet.GroupId is null);
        _overrides = sets.Where(s => s.RuleSet.GroupId is not null).ToDictionary(s => s.RuleSet.GroupId!.Value);
        Lists = lists;
        _allow = allow;
        _byStamp = new ConcurrentDictionary<string, GroupRules>(carried);
        _compiled = compiled;
    }

    public long Generation { get; }

    public IReadOnlyDictionary<string, ListWords> Lists { get; }

    /// <summary>What this generation compiled, by stamp; the next generation reuses entries whose stamp did not change.</summary>
    public IReadOnlyDictionary<string, GroupRules> CompiledByStamp => _groups.Values.DistinctBy(g => g.Stamp).ToDictionary(g => g.Stamp);

    public bool IsEmpty => _default is null && _overrides.Count == 0;

    /// <summary>The group's rules as its policy's moderation level applies them (<see cref="Strictness"/>).</summary>
    public GroupRules For(Guid groupId, ModerationLevel level = ModerationLevel.Standard) => _groups.GetOrAdd((groupId, level), Build);

    private GroupRules Build((Guid Group, ModerationLevel Level) key)
    {
        var (groupId, level) = key;
        var groupOverride = _overrides.GetValueOrDefault(groupId);
        var effective = Strictness.Apply(EffectiveRuleSet.Merge(_default?.Definition, groupOverride?.Definition), level);
        var allow = _allow.GetValueOrDefault(groupId) ?? new GroupAllowList([], []);
        var used = effective.Rules.Where(r => r.List is not null).Select(r => r.List!).Distinct().Order(StringComparer.Ordinal)
            .Select(name => Lists.TryGetValue(name, out var list) ? $"{name}@{list.Id}:{list.Revision}" : $"{name}@none");
        var stamp = string.Join('|', _default?.RuleSet.CurrentVersionId.ToString() ?? "-", groupOverride?.RuleSet.CurrentVersionId.ToString() ?? "-",
            string.Join(',', used), string.Join(',', allow.Phrases), string.Join(',', allow.Domains), level);
        // Groups built from the same inputs share one compiled object, within a generation and across generations.
        return _byStamp.GetOrAdd(stamp, _ => Compile(stamp, effective, groupOverride, allow));
    }

    private GroupRules Compile(string stamp, EffectiveRuleSet effective, RulesInForce.Current? groupOverride, GroupAllowList allow)
    {
        _compiled();
        var compiled = CompiledRules.Compile(effective, Lists.ToDictionary(l => l.Key, l => l.Value.Words), allow.Phrases, allow.Domains);
        var overrideKeys = groupOverride?.Definition.Rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        return new GroupRules(stamp, compiled,
            RulesInForce.Label(_default?.RuleSet.CurrentNumber, groupOverride?.RuleSet.CurrentNumber),
            key => overrideKeys.Contains(key) ? groupOverride!.RuleSet.CurrentVersionId : _default?.RuleSet.CurrentVersionId);
    }
}

/// <summary>A group's compiled rules, the label of the versions in force, and which version holds a rule.</summary>
public sealed record GroupRules(string Stamp, CompiledRules Compiled, string VersionLabel, Func<string, Guid?> VersionOf);
