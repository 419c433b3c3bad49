namespace Qunyun.Engine.Moderation.Policy;

/// <summary>The actions for one message and, when a rule counts strikes, the member's new strike number.</summary>
public sealed record EscalationDecision(IReadOnlyList<ActionSpec> Actions, int? Strike);

public static class Escalation
{
    /// <summary>
    /// Combines the actions of every rule the message broke. One message is one strike at most, however many rules it
    /// broke; the ladder's step for that strike adds its actions. Delete and warn are taken once; of mute, kick and
    /// ban only the strongest (the longest mute) is kept.
    /// </summary>
    public static EscalationDecision Decide(IEnumerable<RuleDefinition> broken, int activeStrikes, StrikeLadder ladder)
    {
        var rules = broken.ToList();
        var actions = rules.SelectMany(r => r.Actions).ToList();
        int? strike = null;
        if (rules.Any(r => r.Strike))
        {
            strike = activeStrikes + 1;
            actions.AddRange(ladder.StepFor(strike.Value));
        }

        return new EscalationDecision(Normalize(actions), strike);
    }

    public static IReadOnlyList<ActionSpec> Normalize(IEnumerable<ActionSpec> actions)
    {
        var list = actions.ToList();
        var result = new List<ActionSpec>();
        if (list.Any(a => a.Type == ActionTypes.Delete))
        {
            result.Add(new ActionSpec(ActionTypes.Delete));
        }

        if (list.Any(a => a.Type == ActionTypes.Warn))
        {
            result.Add(new ActionSpec(ActionTypes.Warn));
        }

        var strongest = list.Where(a => ActionTypes.Severity(a.Type) > 0)
            .OrderByDescending(a => ActionTypes.Severity(a.Type)).ThenByDescending(a => a.Minutes ?? 0).FirstOrDefault();
        if (strongest is not null)
        {
            result.Add(strongest.Type == ActionTypes.Mute ? strongest : new ActionSpec(strongest.Type));
        }

        return result;
    }
}
