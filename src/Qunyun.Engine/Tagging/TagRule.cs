using Qunyun.Engine.Events;

namespace Qunyun.Engine.Tagging;

/// <summary>
/// "Members whose <see cref="Metric"/> over the last <see cref="WindowDays"/> days (today included, in the workspace's
/// time zone) compares to <see cref="Threshold"/>", optionally only events with a topic, in one group or channel, or
/// purchases in one currency. E.g. event_attended with topic italian-wine ≥ 1 within 90 days.
/// </summary>
public sealed record TagRule(
    RuleMetric Metric,
    RuleComparison Comparison,
    decimal Threshold,
    int WindowDays,
    string? Topic = null,
    Guid? GroupId = null,
    Guid? ChannelId = null,
    string? Currency = null)
{
    public const int MaxWindowDays = 730;
    public const decimal MaxThreshold = 1_000_000_000m;

    /// <summary>The threshold in the unit the measure uses: a count, or ten-thousandths of the currency unit.</summary>
    public long ScaledThreshold() => Metric == RuleMetric.PurchaseAmount ? Amounts.ToUnits(Threshold) : (long)Threshold;

    /// <summary>Whether a member whose measure is <paramref name="measure"/> satisfies the rule.</summary>
    public bool HoldsFor(long measure) => Comparison.Holds(measure, ScaledThreshold());

    /// <summary>True for rules like "≤ 2 messages": they hold for members with no activity at all.</summary>
    public bool HoldsWithoutActivity() => HoldsFor(0);

    /// <summary>
    /// Whether a member holds the tag. A rule that holds without activity applies only to the members in its scope (those
    /// in its group, or with an identity on its channel), or "≤ 2 messages in group X" would tag everyone outside X.
    /// </summary>
    public bool HoldsFor(long measure, bool inScope) => HoldsFor(measure) && (inScope || !HoldsWithoutActivity());

    public RuleWindow Window(DateTime nowUtc, TimeZoneInfo zone) => RuleWindow.Of(WindowDays, nowUtc, zone);

    /// <summary>The topic folded the way event topics are, the currency in upper case, blanks as null.</summary>
    public TagRule Normalized() => this with
    {
        Topic = string.IsNullOrWhiteSpace(Topic) ? null : Topics.Key(Topic),
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant(),
    };

    /// <summary>Whether one event counts towards the measure.</summary>
    public bool Counts(RuleFact fact, RuleWindow window) =>
        fact.Kind == Metric.Kind()
        && fact.OccurredAt >= window.StartUtc
        && (Topic is null || fact.Topics.Contains(Topic))
        && (GroupId is null || fact.GroupId == GroupId)
        && (ChannelId is null || fact.ChannelId == ChannelId)
        && (Currency is null || fact.Currency == Currency);

    /// <summary>The measure over a member's events: how many count, or the sum of their amounts.</summary>
    public long Measure(IEnumerable<RuleFact> facts, RuleWindow window) =>
        facts.Where(f => Counts(f, window)).Sum(f => Metric == RuleMetric.PurchaseAmount ? Amounts.ToUnits(f.Amount) : 1L);

    public bool HoldsAt(IEnumerable<RuleFact> facts, DateTime nowUtc, TimeZoneInfo zone) => HoldsFor(Measure(facts, Window(nowUtc, zone)));

    /// <summary>What is wrong with the rule, by field; empty when it can be saved.</summary>
    public IReadOnlyList<RuleProblem> Problems()
    {
        var problems = new List<RuleProblem>();
        if (!Enum.IsDefined(Metric))
        {
            problems.Add(new("Metric", $"Use one of {string.Join(", ", Enum.GetNames<RuleMetric>())}."));
        }

        if (!Enum.IsDefined(Comparison))
        {
            problems.Add(new("Comparison", $"Use one of {string.Join(", ", Enum.GetNames<RuleComparison>())}."));
        }

        CheckThreshold(problems);
        if (WindowDays is < 1 or > MaxWindowDays)
        {
            problems.Add(new("WindowDays", $"Between 1 and {MaxWindowDays} days."));
        }

        var topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic;
        if (topic is not null && !Metric.HasTopics())
        {
            problems.Add(new("Topic", "Only content views, attended events and purchases carry topics."));
        }
        else if (topic is not null && Topics.Fold(topic).Length > Topics.MaxLength)
        {
            problems.Add(new("Topic", $"At most {Topics.MaxLength} characters."));
        }

        if (!string.IsNullOrWhiteSpace(Currency) && Metric is not (RuleMetric.Purchases or RuleMetric.PurchaseAmount))
        {
            problems.Add(new("Currency", "Only purchases have a currency."));
        }
        else if (!string.IsNullOrWhiteSpace(Currency) && !(Currency.Trim().Length == 3 && Currency.Trim().All(char.IsAsciiLetter)))
        {
            problems.Add(new("Currency", "An ISO 4217 code such as CNY or USD."));
        }

        if (GroupId is not null && ChannelId is not null)
        {
            problems.Add(new("ChannelId", "Scope the rule to a group or to a channel, not both."));
        }

        return problems;
    }

    private void CheckThreshold(List<RuleProblem> problems)
    {
        if (Threshold is < 0 or > MaxThreshold)
        {
            problems.Add(new("Threshold", $"Between 0 and {MaxThreshold:0}."));
        }
        else if (Metric != RuleMetric.PurchaseAmount && Threshold != decimal.Truncate(Threshold))
        {
            problems.Add(new("Threshold", "A count is a whole number."));
        }
        else if (Threshold != decimal.Round(Threshold, Amounts.Decimals))
        {
            problems.Add(new("Threshold", $"At most {Amounts.Decimals} decimal places."));
        }
        else if (Comparison == RuleComparison.LessThan && Threshold == 0)
        {
            problems.Add(new("Threshold", "Nothing is less than zero: no member would ever hold this tag."));
        }
    }
}

/// <summary>A field of a rule and what is wrong with it.</summary>
public sealed record RuleProblem(string Field, string Message);

/// <summary>One event as the rules see it: topics already folded with <see cref="Topics.Key"/>.</summary>
public sealed record RuleFact(EventKind Kind, DateTime OccurredAt, IReadOnlyList<string> Topics, Guid ChannelId, Guid? GroupId = null, decimal Amount = 0, string? Currency = null);

/// <summary>Money as whole ten-thousandths of the currency unit, so sums are exact integers in any database.</summary>
public static class Amounts
{
    public const int Decimals = 4;
    private const decimal Scale = 10_000m;

    /// <summary>Amounts past this count as this, so that no sum of them overflows.</summary>
    public const decimal Max = 1_000_000_000_000m;

    public static long ToUnits(decimal amount) => (long)decimal.Round(Math.Clamp(amount, -Max, Max) * Scale, MidpointRounding.AwayFromZero);

    public static decimal FromUnits(long units) => units / Scale;
}
