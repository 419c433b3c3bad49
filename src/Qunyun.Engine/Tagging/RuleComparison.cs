namespace Qunyun.Engine.Tagging;

public enum RuleComparison
{
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Exactly,
}

public static class RuleComparisons
{
    public static bool Holds(this RuleComparison comparison, long value, long threshold) => comparison switch
    {
        RuleComparison.AtLeast => value >= threshold,
        RuleComparison.MoreThan => value > threshold,
        RuleComparison.AtMost => value <= threshold,
        RuleComparison.LessThan => value < threshold,
        _ => value == threshold,
    };

    public static string Symbol(this RuleComparison comparison) => comparison switch
    {
        RuleComparison.AtLeast => "≥",
        RuleComparison.MoreThan => ">",
        RuleComparison.AtMost => "≤",
        RuleComparison.LessThan => "<",
        _ => "=",
    };
}
