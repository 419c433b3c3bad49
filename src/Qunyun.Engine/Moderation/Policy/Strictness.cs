using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// What a group's moderation level does to the rule set in force there. Standard applies it as written.
/// <list type="bullet">
/// <item>Light: the milder rules — those that count no strike — keep the message: their delete becomes a warning and
/// their mute, kick and ban are dropped, so the member is only warned (and the decision is still recorded for review).
/// Rules that count a strike (ads, contact details…) and the strike ladder act as written.</item>
/// <item>Strict: rules act on lower counts — the thresholds of the mentions, flood and spam-wave rules are two thirds
/// of what is written (rounded up; at least 1 mention, 2 messages or 2 members) — and a member counts as new for the
/// new-member link rule twice as long.</item>
/// </list>
/// </summary>
public static class Strictness
{
    public static EffectiveRuleSet Apply(EffectiveRuleSet rules, ModerationLevel level) => level switch
    {
        ModerationLevel.Light => rules with { Rules = rules.Rules.Select(Soften).ToList() },
        ModerationLevel.Strict => rules with { Rules = rules.Rules.Select(Tighten).ToList() },
        _ => rules,
    };

    private static RuleDefinition Soften(RuleDefinition rule)
    {
        if (rule.Strike || rule.Actions.Count == 0)
        {
            return rule;
        }

        return rule with { Actions = [new ActionSpec(ActionTypes.Warn)] };
    }

    private static RuleDefinition Tighten(RuleDefinition rule) => rule.Detector switch
    {
        RuleDetectors.Mentions => rule with { Threshold = Lower(rule.Threshold ?? 5, 1) },
        RuleDetectors.Flood or RuleDetectors.SpamWave when rule.Threshold is { } threshold => rule with { Threshold = Lower(threshold, 2) },
        RuleDetectors.NewMemberLinks => rule with { Hours = Math.Min(2 * (rule.Hours ?? 24), 1440) },
        _ => rule,
    };

    private static int Lower(int threshold, int floor) => Math.Min(threshold, Math.Max(floor, (threshold * 2 + 2) / 3));
}
