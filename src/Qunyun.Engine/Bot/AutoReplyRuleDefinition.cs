namespace Qunyun.Engine.Bot;

public enum MatchMode
{
    Exact,
    Contains,
    AnyOf,
    Regex,
    Similar,
}

/// <summary>
/// One FAQ rule as the matcher needs it. <see cref="Pattern"/>: the text (exact, contains), one alternative per line
/// (any-of), a .NET regular expression (regex) or one sample question per line (similar, scored against <see cref="Threshold"/>).
/// <see cref="GroupId"/> null: the rule applies in every group of the workspace.
/// </summary>
public sealed record AutoReplyRuleDefinition(Guid Id, Guid? GroupId, MatchMode Mode, string Pattern, int Priority, double Threshold = 0.5);

public sealed record AutoReplyMatch(Guid RuleId, int Priority, double Score);
