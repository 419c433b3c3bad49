namespace Qunyun.Engine.Templates;

public enum TemplateIssueKind
{
    Syntax,
    UnknownVariable,
    Empty,
}

/// <summary>A reason a template cannot be saved; <see cref="Line"/>/<see cref="Column"/> are 1-based when known.</summary>
public sealed record TemplateIssue(TemplateIssueKind Kind, string Message, int? Line = null, int? Column = null, string? Variable = null);
