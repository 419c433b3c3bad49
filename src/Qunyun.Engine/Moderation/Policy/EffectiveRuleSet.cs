namespace Qunyun.Engine.Moderation.Policy;

/// <summary>What applies in one group: the workspace default merged with the group's override, if any.</summary>
public sealed record EffectiveRuleSet(
    IReadOnlyList<RuleDefinition> Rules,
    StrikeLadder Ladder,
    IReadOnlyDictionary<string, string> Warnings,
    string? RulesText)
{
    public static readonly IReadOnlyDictionary<string, string> DefaultWarnings = new Dictionary<string, string>
    {
        ["zh-CN"] = "{member}，你的消息违反了群规（{rule}），已被处理。",
        ["en"] = "{member}, your message broke the group rules ({rule}) and was removed.",
    };

    /// <summary>
    /// Default rules minus the override's disabled keys, then the override's rules: a rule with a default rule's key
    /// replaces it in place, a new key is added at the end. Ladder, warnings and rules text come from the override
    /// when it sets them. An override that does not inherit takes nothing from the default.
    /// </summary>
    public static EffectiveRuleSet Merge(RuleSetDefinition? workspaceDefault, RuleSetDefinition? groupOverride)
    {
        var baseline = workspaceDefault ?? RuleSetDefinition.Empty;
        var inherited = groupOverride is { Inherit: false } ? [] : baseline.Rules;
        var disabled = groupOverride?.Disabled.ToHashSet(StringComparer.Ordinal) ?? [];
        var rules = inherited.Where(r => !disabled.Contains(r.Key)).ToList();
        foreach (var rule in groupOverride?.Rules ?? [])
        {
            var at = rules.FindIndex(r => r.Key == rule.Key);
            if (at >= 0)
            {
                rules[at] = rule;
            }
            else
            {
                rules.Add(rule);
            }
        }

        if (groupOverride is { Inherit: false })
        {
            baseline = RuleSetDefinition.Empty;
        }

        var warnings = new Dictionary<string, string>(DefaultWarnings);
        foreach (var (culture, text) in (baseline.Warnings ?? []).Concat(groupOverride?.Warnings ?? []))
        {
            warnings[culture] = text;
        }

        var ladder = groupOverride?.Ladder ?? baseline.Ladder ?? StrikeLadder.Default;
        return new EffectiveRuleSet(rules.Where(r => r.Enabled).ToList(), ladder, warnings, groupOverride?.RulesText ?? baseline.RulesText);
    }

    /// <summary>The warning template for a culture (zh-CN for Chinese variants, en otherwise).</summary>
    public string WarningFor(string culture) =>
        Warnings.TryGetValue(culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en", out var text) ? text : Warnings["zh-CN"];
}
