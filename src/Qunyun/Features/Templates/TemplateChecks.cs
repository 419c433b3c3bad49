using Qunyun.Api;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Templates;

/// <summary>Turns template issues into field errors: a syntax error says where, an unknown variable says which.</summary>
public static class TemplateChecks
{
    public static LiquidTemplate? Check(FieldErrors errors, string field, string? body, TemplatePurpose purpose)
    {
        var template = LiquidTemplate.Compile(body, purpose, out var issues);
        foreach (var issue in issues)
        {
            errors.Add(field, Describe(issue));
        }

        return template;
    }

    public static string Describe(TemplateIssue issue) => issue switch
    {
        { Kind: TemplateIssueKind.Syntax, Line: { } line, Column: { } column } => $"Syntax error at line {line}, column {column}: {issue.Message}",
        { Kind: TemplateIssueKind.UnknownVariable } => $"Unknown variable '{issue.Variable}'.",
        _ => issue.Message,
    };
}
