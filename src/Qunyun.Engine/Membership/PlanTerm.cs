namespace Qunyun.Engine.Membership;

public enum TermUnit
{
    Days,
    Months,
    Years,
}

/// <summary>How long one payment of a plan lasts: 30 days, 1 month, 1 year…</summary>
public readonly record struct PlanTerm(int Count, TermUnit Unit)
{
    public const int MaxDays = 3660;
    public const int MaxMonths = 120;
    public const int MaxYears = 10;

    /// <summary>Whether the length is one an operator could mean (1 day to 10 years).</summary>
    public bool IsValid => Count >= 1 && Count <= Unit switch
    {
        TermUnit.Days => MaxDays,
        TermUnit.Months => MaxMonths,
        TermUnit.Years => MaxYears,
        _ => 0,
    };

    /// <summary>The end of a term that starts at <paramref name="start"/>; months keep the day (Jan 31 + 1 month = Feb 28).</summary>
    public DateTime After(DateTime start) => Unit switch
    {
        TermUnit.Days => start.AddDays(Count),
        TermUnit.Months => start.AddMonths(Count),
        _ => start.AddYears(Count),
    };
}
