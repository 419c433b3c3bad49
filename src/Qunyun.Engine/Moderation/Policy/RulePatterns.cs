using System.Text.RegularExpressions;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// Custom rule patterns run on the non-backtracking engine: matching time stays linear in the message length whatever
/// an operator types, so one pattern cannot stall the pipeline. The price: no backreferences or lookarounds.
/// </summary>
public static class RulePatterns
{
    public static Regex Create(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));

    /// <summary>Why the pattern cannot be used, or null when it can.</summary>
    public static string? Error(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return "The regex detector needs a pattern.";
        }

        if (pattern.Length > RuleSetValidation.MaxPattern)
        {
            return $"At most {RuleSetValidation.MaxPattern} characters.";
        }

        try
        {
            var regex = Create(pattern);
            return regex.IsMatch("") ? "The pattern matches an empty message; it would flag every message." : null;
        }
        catch (ArgumentException e)
        {
            return $"Invalid regular expression: {e.Message}";
        }
        catch (NotSupportedException e)
        {
            return $"Not supported (backreferences and lookarounds are not allowed): {e.Message}";
        }
    }
}
