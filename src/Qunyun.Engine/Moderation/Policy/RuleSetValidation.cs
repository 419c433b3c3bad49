using System.Text.RegularExpressions;
using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>Checks a rule-set definition before it becomes a version; every problem names its field (JSON path).</summary>
public static partial class RuleSetValidation
{
    public const int MaxRules = 200;
    public const int MaxRulesText = 4000;
    public const int MaxPattern = 1000;
    public const int MaxMuteMinutes = 60 * 24 * 30;

    /// <param name="definition">The definition to check.</param>
    /// <param name="isOverride">Whether it is a group override (may disable default rules) or the workspace default.</param>
    /// <param name="wordLists">Names of the workspace's word lists.</param>
    /// <param name="prefix">Field-name prefix, e.g. "definition".</param>
    public static List<(string Field, string Message)> Check(RuleSetDefinition definition, bool isOverride, IReadOnlySet<string> wordLists, string prefix)
    {
        var errors = new List<(string, string)>();
        void Fail(string field, string message) => errors.Add(($"{prefix}.{field}", message));

        if (definition.Rules.Count > MaxRules)
        {
            Fail("rules", $"At most {MaxRules} rules.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var rule = definition.Rules[i];
            if (rule is null)
            {
                Fail($"rules[{i}]", "A rule cannot be null.");
                continue;
            }

            if (!keys.Add(rule.Key ?? ""))
            {
                Fail($"rules[{i}].key", $"Key '{rule.Key}' is used by another rule of this set.");
            }

            CheckRule(rule, wordLists, (field, message) => Fail($"rules[{i}].{field}", message));
        }

        if (definition.Ladder is { } ladder)
        {
            CheckLadder(ladder, (field, message) => Fail($"ladder.{field}", message));
        }

        foreach (var (culture, text) in definition.Warnings ?? [])
        {
            if (culture is not ("zh-CN" or "en"))
            {
                Fail("warnings", $"Unknown culture '{culture}'; use zh-CN or en.");
            }
            else if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
            {
                Fail($"warnings.{culture}", "1 to 500 characters.");
            }
            else if (WarnTemplate.UnknownPlaceholders(text) is { Count: > 0 } unknown)
            {
                Fail($"warnings.{culture}", $"Unknown placeholder {{{unknown[0]}}}; use {string.Join(", ", WarnTemplate.Placeholders.Select(p => $"{{{p}}}"))}.");
            }
        }

        if (definition.RulesText?.Length > MaxRulesText)
        {
            Fail("rulesText", $"At most {MaxRulesText} characters.");
        }

        if (!isOverride && (definition.Disabled.Count > 0 || !definition.Inherit))
        {
            Fail("disabled", "Only a group override can disable default rules or stop inheriting.");
        }

        if (definition.Disabled.Any(k => k is null || !KeyShape().IsMatch(k)))
        {
            Fail("disabled", "Each entry is a rule key (letters, digits, '-' or '_').");
        }

        return errors;
    }

    private static void CheckRule(RuleDefinition rule, IReadOnlySet<string> wordLists, Action<string, string> fail)
    {
        if (rule.Key is null || !KeyShape().IsMatch(rule.Key))
        {
            fail("key", "1 to 64 letters, digits, '-' or '_'.");
        }

        if (rule.Name?.Length > 100)
        {
            fail("name", "At most 100 characters.");
        }

        if (!RuleDetectors.All.Contains(rule.Detector))
        {
            fail("detector", $"Unknown detector '{rule.Detector}'; use one of {string.Join(", ", RuleDetectors.All)}.");
        }

        switch (rule.Detector)
        {
            case RuleDetectors.Words when string.IsNullOrWhiteSpace(rule.List):
                fail("list", "The words detector needs a word list name.");
                break;
            case RuleDetectors.Words when !wordLists.Contains(rule.List!):
                fail("list", $"No word list named '{rule.List}' in this workspace.");
                break;
            case RuleDetectors.Regex when RulePatterns.Error(rule.Pattern) is { } error:
                fail("pattern", error);
                break;
            case RuleDetectors.Mentions or RuleDetectors.Flood or RuleDetectors.SpamWave when rule.Threshold is not (>= 1 and <= 1000):
                fail("threshold", "Required for this detector: 1 to 1000.");
                break;
            case RuleDetectors.NewMemberLinks when rule.Hours is not (>= 1 and <= 720):
                fail("hours", "Required for this detector: 1 to 720 hours.");
                break;
        }

        if (rule.Detector is RuleDetectors.Flood or RuleDetectors.SpamWave && rule.WindowSeconds is not (>= 1 and <= 86_400))
        {
            fail("windowSeconds", "Required for this detector: 1 to 86400 seconds.");
        }

        if (rule.AllowDomains.Count > 200 || rule.AllowDomains.Any(d => d is null || !DomainShape().IsMatch(d)))
        {
            fail("allowDomains", "Up to 200 domain names such as example.com.");
        }

        CheckActions(rule.Actions, fail, "actions");
        if (rule.Actions.Count == 0 && !rule.Strike)
        {
            fail("actions", "A rule needs at least one action, or strike: true to use the ladder.");
        }

        if (rule.ExemptRoles.Any(r => !Enum.TryParse<MembershipRole>(r, ignoreCase: false, out _)))
        {
            fail("exemptRoles", $"Use membership roles: {string.Join(", ", Enum.GetNames<MembershipRole>())}.");
        }
    }

    private static void CheckLadder(StrikeLadder ladder, Action<string, string> fail)
    {
        if (ladder.ExpiryDays is < 1 or > 3650)
        {
            fail("expiryDays", "1 to 3650 days.");
        }

        if (ladder.Steps.Count is < 1 or > 10)
        {
            fail("steps", "1 to 10 steps.");
        }

        for (var i = 0; i < ladder.Steps.Count; i++)
        {
            CheckActions(ladder.Steps[i] ?? [], fail, $"steps[{i}]");
            if (ladder.Steps[i] is not { Count: > 0 })
            {
                fail($"steps[{i}]", "Each step needs at least one action.");
            }
        }
    }

    private static void CheckActions(List<ActionSpec> actions, Action<string, string> fail, string field)
    {
        if (actions.Count > 5)
        {
            fail(field, "At most 5 actions.");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (action is null || !ActionTypes.All.Contains(action.Type))
            {
                fail($"{field}[{i}].type", $"Use one of {string.Join(", ", ActionTypes.All)}.");
            }
            else if (action.Type == ActionTypes.Mute && action.Minutes is not (>= 1 and <= MaxMuteMinutes))
            {
                fail($"{field}[{i}].minutes", $"A mute needs minutes: 1 to {MaxMuteMinutes}.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9\u00A1-\uFFFF-]{1,63}\.)+[A-Za-z\u00A1-\uFFFF]{2,63}$")]
    private static partial Regex DomainShape();
}
