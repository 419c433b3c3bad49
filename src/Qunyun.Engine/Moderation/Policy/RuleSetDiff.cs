namespace Qunyun.Engine.Moderation.Policy;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One difference between two versions; <see cref="Subject"/> names what changed ("rule ads", "ladder"…).</summary>
public sealed record RuleSetChange(ChangeKind Kind, string Subject, string? Before, string? After);

/// <summary>What changed from one version to the next, rule by rule (matched by key) and setting by setting.</summary>
public static class RuleSetDiff
{
    public static IReadOnlyList<RuleSetChange> Between(RuleSetDefinition? before, RuleSetDefinition after)
    {
        before ??= RuleSetDefinition.Empty;
        var changes = new List<RuleSetChange>();
        var old = before.Rules.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var now = after.Rules.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var rule in before.Rules.Where(r => !now.ContainsKey(r.Key)))
        {
            changes.Add(new(ChangeKind.Removed, $"rule {rule.Key}", Describe(rule), null));
        }

        foreach (var rule in after.Rules)
        {
            if (!old.TryGetValue(rule.Key, out var previous))
            {
                changes.Add(new(ChangeKind.Added, $"rule {rule.Key}", null, Describe(rule)));
            }
            else if (Describe(previous) != Describe(rule))
            {
                changes.Add(new(ChangeKind.Changed, $"rule {rule.Key}", Describe(previous), Describe(rule)));
            }
        }

        Compare(changes, "ladder", Describe(before.Ladder), Describe(after.Ladder));
        foreach (var culture in (before.Warnings?.Keys ?? Enumerable.Empty<string>()).Union(after.Warnings?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            Compare(changes, $"warning {culture}", before.Warnings?.GetValueOrDefault(culture), after.Warnings?.GetValueOrDefault(culture));
        }

        Compare(changes, "rules text", before.RulesText, after.RulesText);
        Compare(changes, "inherit", before.Inherit.ToString().ToLowerInvariant(), after.Inherit.ToString().ToLowerInvariant());
        Compare(changes, "disabled", Join(before.Disabled), Join(after.Disabled));
        return changes;
    }

    /// <summary>A one-line summary for a version whose author gave none: "+ads ~abuse -flood ladder".</summary>
    public static string Summarize(IReadOnlyList<RuleSetChange> changes) =>
        changes.Count == 0
            ? "no changes"
            : string.Join(' ', changes.Select(c => c.Subject.StartsWith("rule ", StringComparison.Ordinal)
                ? (c.Kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" }) + c.Subject[5..]
                : c.Subject));

    /// <summary>A rule on one line, every field that matters, so two descriptions differ exactly when the rules do.</summary>
    public static string Describe(RuleDefinition rule)
    {
        var parts = new List<string> { rule.Detector };
        AddIf(parts, "name", rule.Name);
        AddIf(parts, "list", rule.List);
        AddIf(parts, "pattern", rule.Pattern);
        AddIf(parts, "threshold", rule.Threshold?.ToString());
        AddIf(parts, "window", rule.WindowSeconds is { } w ? $"{w}s" : null);
        AddIf(parts, "hours", rule.Hours?.ToString());
        AddIf(parts, "allow", rule.AllowDomains.Count > 0 ? Join(rule.AllowDomains) : null);
        parts.Add($"actions={Join(rule.Actions.Select(a => a.ToString()))}");
        if (rule.Strike)
        {
            parts.Add("strike");
        }

        parts.Add($"exempt={Join(rule.ExemptRoles)}");
        if (!rule.Enabled)
        {
            parts.Add("off");
        }

        return string.Join(' ', parts);
    }

    private static string? Describe(StrikeLadder? ladder) =>
        ladder is null ? null : $"{string.Join(" → ", ladder.Steps.Select(s => Join(s.Select(a => a.ToString()))))}; expires after {ladder.ExpiryDays} d";

    private static void Compare(List<RuleSetChange> changes, string subject, string? before, string? after)
    {
        if (before == after)
        {
            return;
        }

        var kind = before is null ? ChangeKind.Added : after is null ? ChangeKind.Removed : ChangeKind.Changed;
        changes.Add(new(kind, subject, before, after));
    }

    private static void AddIf(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={value}");
        }
    }

    private static string Join(IEnumerable<string> values) => string.Join(',', values);
}
