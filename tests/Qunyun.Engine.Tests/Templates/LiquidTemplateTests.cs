using Qunyun.Engine.Templates;

namespace Qunyun.Engine.Tests.Templates;

public sealed class LiquidTemplateTests
{
    [Fact]
    public void Compile_SyntaxError_ReportsLineAndColumn()
    {
        var template = LiquidTemplate.Compile("欢迎！\n{% if member.name %}hi", TemplatePurpose.PrivateWelcome, out var issues);

        Assert.Null(template);
        var issue = Assert.Single(issues);
        Assert.Equal(TemplateIssueKind.Syntax, issue.Kind);
        Assert.NotNull(issue.Line);
        Assert.NotNull(issue.Column);
    }

    [Fact]
    public void Compile_UnknownVariable_NamesIt()
    {
        var template = LiquidTemplate.Compile("Hi {{ member.name }}, you have {{ member.points }} points", TemplatePurpose.PrivateWelcome, out var issues);

        Assert.Null(template);
        var issue = Assert.Single(issues);
        Assert.Equal(TemplateIssueKind.UnknownVariable, issue.Kind);
        Assert.Equal("member.points", issue.Variable);
    }

    [Fact]
    public void Compile_VariableOfAnotherPurpose_IsUnknown()
    {
        LiquidTemplate.Compile("{{ content.title }}", TemplatePurpose.Welcome, out var issues);

        Assert.Equal("content.title", Assert.Single(issues).Variable);
    }

    [Fact]
    public void Compile_LocalsAndListProperties_AreNotUnknown()
    {
        var template = LiquidTemplate.Compile(
            "{% assign n = newcomers.size %}{% for who in newcomers %}{{ who }}{{ forloop.index }}{% endfor %}{{ n }}",
            TemplatePurpose.Welcome, out var issues);

        Assert.Empty(issues);
        Assert.NotNull(template);
    }

    [Fact]
    public void Compile_Empty_IsAnIssue()
    {
        LiquidTemplate.Compile("  ", TemplatePurpose.Welcome, out var issues);

        Assert.Equal(TemplateIssueKind.Empty, Assert.Single(issues).Kind);
    }

    [Fact]
    public void Render_WithValues_FillsChineseText()
    {
        var template = LiquidTemplate.Compile("欢迎 {{ newcomers | join: \"、\" }} 加入{{ group.name }}！", TemplatePurpose.Welcome, out _)!;

        var outcome = template.Render(new TemplateValues().SetList("newcomers", ["小王", "小李"]).Set("group.name", "产品群"));

        Assert.Equal("欢迎 小王、小李 加入产品群！", outcome.Text);
    }

    [Fact]
    public void Render_MissingPrintedData_FailsInsteadOfThrowing()
    {
        var template = LiquidTemplate.Compile("群规：{{ group.rules_link }}", TemplatePurpose.RuleReminder, out _)!;

        var outcome = template.Render(new TemplateValues().Set("group.name", "产品群").Set("group.rules_link", null));

        Assert.False(outcome.Succeeded);
        Assert.Contains("group.rules_link", outcome.Error);
    }

    [Fact]
    public void Render_MissingDataBehindDefaultFilter_Succeeds()
    {
        var template = LiquidTemplate.Compile("群规：{{ group.rules_link | default: \"见群公告\" }}", TemplatePurpose.RuleReminder, out _)!;

        var outcome = template.Render(new TemplateValues());

        Assert.Equal("群规：见群公告", outcome.Text);
    }

    [Fact]
    public void Render_MissingDataInsideACondition_Succeeds()
    {
        var template = LiquidTemplate.Compile("群规{% if group.rules_link %}：{{ group.rules_link }}{% endif %}", TemplatePurpose.RuleReminder, out _)!;

        Assert.Equal("群规", template.Render(new TemplateValues().Set("group.rules_link", null)).Text);
    }

    [Fact]
    public void Render_Sample_CoversEveryVariableOfEveryPurpose()
    {
        foreach (var purpose in Enum.GetValues<TemplatePurpose>())
        {
            var source = string.Join(" ", TemplateVariables.For(purpose).Select(v => v.IsList ? $"{{{{ {v.Path} | join: \",\" }}}}" : $"{{{{ {v.Path} }}}}"));
            var template = LiquidTemplate.Compile(source, purpose, out var issues);
            Assert.Empty(issues);

            Assert.True(template!.Render(TemplateVariables.Sample(purpose, "zh-CN")).Succeeded, purpose.ToString());
        }
    }
}
