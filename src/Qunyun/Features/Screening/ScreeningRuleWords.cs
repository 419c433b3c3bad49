using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

/// <summary>
/// The rule that approved an application, as recorded with the decision: its condition in a small fixed notation
/// (<c>kind|question|value|days</c>) the console words in its language, readable after the rule is deleted.
/// </summary>
public static class ScreeningRuleWords
{
    public static string Record(ScreeningRule rule)
    {
        var recorded = $"{rule.Kind}|{rule.Question}|{rule.Value}|{rule.Days}";
        return recorded.Length > 200 ? recorded[..200] : recorded;
    }

    public static AutoApproveCondition? Read(string? recorded)
    {
        var parts = (recorded ?? "").Split('|');
        return parts.Length == 4 && Enum.TryParse<AutoApproveKind>(parts[0], out var kind)
            ? new AutoApproveCondition(kind, int.TryParse(parts[1], out var q) ? q : null, parts[2].Length > 0 ? parts[2] : null, int.TryParse(parts[3], out var d) ? d : null)
            : null;
    }
}
