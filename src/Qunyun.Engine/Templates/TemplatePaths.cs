using Fluid;
using Fluid.Ast;

namespace Qunyun.Engine.Templates;

/// <summary>
/// Walks a parsed template for the variable paths it reads. Names the template declares itself (assign, capture,
/// for-loop items, forloop) are locals, not data. <see cref="Output"/> holds the paths printed bare ({{ a.b }} with
/// no filter) outside any condition: those are the data a render cannot do without.
/// </summary>
internal sealed class TemplatePaths : AstVisitor
{
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "forloop", "tablerowloop", "empty", "blank" };

    private int _conditions;

    public List<string> Read { get; } = [];
    public List<string> Output { get; } = [];

    public static TemplatePaths Of(IFluidTemplate template)
    {
        var paths = new TemplatePaths();
        paths.VisitTemplate(template);
        paths.Read.RemoveAll(paths.IsLocal);
        paths.Output.RemoveAll(paths.IsLocal);
        return paths;
    }

    private bool IsLocal(string path) => _locals.Contains(path.Split('.')[0]);

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _locals.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        _locals.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        _locals.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitIfStatement(IfStatement ifStatement) => Conditionally(() => base.VisitIfStatement(ifStatement));

    protected override Statement VisitUnlessStatement(UnlessStatement unlessStatement) => Conditionally(() => base.VisitUnlessStatement(unlessStatement));

    protected override Statement VisitCaseStatement(CaseStatement caseStatement) => Conditionally(() => base.VisitCaseStatement(caseStatement));

    private Statement Conditionally(Func<Statement> visit)
    {
        _conditions++;
        try
        {
            return visit();
        }
        finally
        {
            _conditions--;
        }
    }

    protected override Statement VisitOutputStatement(OutputStatement outputStatement)
    {
        if (_conditions == 0 && outputStatement.Expression is MemberExpression member && PathOf(member) is { } path)
        {
            Output.Add(path);
        }

        return base.VisitOutputStatement(outputStatement);
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        if (PathOf(memberExpression) is { } path)
        {
            Read.Add(path);
        }

        return base.VisitMemberExpression(memberExpression);
    }

    private static string? PathOf(MemberExpression member)
    {
        var names = member.Segments.TakeWhile(s => s is IdentifierSegment).Cast<IdentifierSegment>().Select(s => s.Identifier).ToList();
        // "size", "first" and "last" are Liquid's own properties of lists and strings, not data.
        while (names.Count > 1 && names[^1] is "size" or "first" or "last")
        {
            names.RemoveAt(names.Count - 1);
        }

        return names.Count == 0 ? null : string.Join('.', names);
    }
}
