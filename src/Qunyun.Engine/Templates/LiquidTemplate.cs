using System.Text.RegularExpressions;
using Fluid;

namespace Qunyun.Engine.Templates;

/// <summary>A Liquid template checked against the variables of its purpose; safe to cache and render concurrently.</summary>
public sealed partial class LiquidTemplate
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new() { MaxSteps = 10_000, MaxRecursion = 20 };

    private readonly IFluidTemplate _template;
    private readonly IReadOnlyList<string> _required;

    private LiquidTemplate(IFluidTemplate template, IReadOnlyList<string> required)
    {
        _template = template;
        _required = required;
    }

    /// <summary>Parses and validates <paramref name="source"/>; on failure returns null and the issues, each naming where or what.</summary>
    public static LiquidTemplate? Compile(string? source, TemplatePurpose purpose, out IReadOnlyList<TemplateIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            issues = [new TemplateIssue(TemplateIssueKind.Empty, "The template is empty.")];
            return null;
        }

        if (!Parser.TryParse(source, out var template, out var error))
        {
            var at = Position().Match(error ?? "");
            issues = [at.Success
                ? new TemplateIssue(TemplateIssueKind.Syntax, error!, int.Parse(at.Groups[1].ValueSpan), int.Parse(at.Groups[2].ValueSpan))
                : new TemplateIssue(TemplateIssueKind.Syntax, error ?? "Syntax error.")];
            return null;
        }

        var paths = TemplatePaths.Of(template);
        issues = [.. paths.Read.Distinct()
            .Where(p => !TemplateVariables.Offers(purpose, p) && !TemplateVariables.IsObject(purpose, p))
            .Select(p => new TemplateIssue(TemplateIssueKind.UnknownVariable, $"Unknown variable '{p}'.", Variable: p))];
        return issues.Count > 0 ? null : new LiquidTemplate(template, [.. paths.Output.Distinct()]);
    }

    /// <summary>Renders; never throws. Missing printed data, a render error or blank text come back as a failure.</summary>
    public RenderOutcome Render(TemplateValues values)
    {
        var missing = _required.Where(p => !values.Has(p)).ToList();
        if (missing.Count > 0)
        {
            return RenderOutcome.Fail($"Missing data: {string.Join(", ", missing)}.");
        }

        try
        {
            var context = new TemplateContext(Options);
            foreach (var (name, value) in values.Root)
            {
                context.SetValue(name, WithLists(value, values.ListSeparator));
            }

            var text = _template.Render(context).Trim();
            return text.Length == 0 ? RenderOutcome.Fail("The template rendered no text.") : RenderOutcome.Ok(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return RenderOutcome.Fail(ex.Message);
        }
    }

    private static object? WithLists(object? value, string separator) => value switch
    {
        string[] list => new NameList(list, separator),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => WithLists(e.Value, separator), StringComparer.Ordinal),
        _ => value,
    };

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}

public sealed record RenderOutcome(string? Text, string? Error)
{
    public bool Succeeded => Text is not null;

    public static RenderOutcome Ok(string text) => new(text, null);

    public static RenderOutcome Fail(string error) => new(null, error);
}
