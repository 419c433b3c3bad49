using Qunyun.Engine.Templates;

namespace Qunyun.Engine.Tests.Templates;

public sealed class ListPrintingTests
{
    [Theory]
    [InlineData("zh-CN", "欢迎 小王、小李、阿青！")]
    [InlineData("en", "欢迎 小王, 小李, 阿青！")]
    public void Render_ListPrintedPlainly_JoinsAsTheLanguageWritesLists(string language, string expected)
    {
        var template = LiquidTemplate.Compile("欢迎 {{ newcomers }}！", TemplatePurpose.Welcome, out _)!;

        var text = template.Render(new TemplateValues().ForLanguage(language).SetList("newcomers", ["小王", "小李", "阿青"])).Text;

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Render_ListFiltersAndLoops_StillSeeAList()
    {
        var template = LiquidTemplate.Compile(
            "{{ newcomers | join: \" / \" }}|{{ newcomers.size }}|{{ newcomers | size }}|{{ newcomers.first }}|{{ newcomers.last }}|{% for who in newcomers %}<{{ who }}>{% endfor %}",
            TemplatePurpose.Welcome, out var issues)!;
        Assert.Empty(issues);

        var text = template.Render(new TemplateValues().ForLanguage("zh-CN").SetList("newcomers", ["小王", "小李"])).Text;

        Assert.Equal("小王 / 小李|2|2|小王|小李|<小王><小李>", text);
    }

    [Fact]
    public void Sample_Chinese_PreviewsNamesWithTheEnumerationComma()
    {
        var template = LiquidTemplate.Compile("欢迎 {{ newcomers }} 加入{{ group.name }}", TemplatePurpose.Welcome, out _)!;

        Assert.Equal("欢迎 小王、小李 加入产品交流群", template.Render(TemplateVariables.Sample(TemplatePurpose.Welcome, "zh-CN")).Text);
        Assert.Equal("欢迎 Alex, Sam 加入Product chat", template.Render(TemplateVariables.Sample(TemplatePurpose.Welcome, "en")).Text);
    }
}
