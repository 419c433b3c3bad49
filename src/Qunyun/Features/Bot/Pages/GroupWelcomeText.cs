using Qunyun.Engine.Templates;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot.Pages;

/// <summary>
/// The welcome as the bot tab edits it: the text in the group's language up front, the other language under
/// "advanced". It starts from the group's template (or the built-in text); saving changed text writes the group's own
/// template (<see cref="KeyOf"/>), so the operator never has to visit the templates page.
/// </summary>
internal sealed class GroupWelcomeText(string language)
{
    private (string? Zh, string? En) _loaded;

    public string Language { get; } = language;
    public string OtherLanguage => DefaultTemplates.IsChinese(Language) ? DefaultTemplates.English : DefaultTemplates.Chinese;
    public string? Main { get; set; }
    public string? Other { get; set; }

    public (string? Zh, string? En) Bodies => DefaultTemplates.IsChinese(Language) ? (Main, Other) : (Other, Main);

    public bool Changed => Bodies != _loaded;

    public static string KeyOf(Guid groupId) => $"welcome-{groupId:N}";

    public static GroupWelcomeText Load(string language, TemplateResponse? template)
    {
        var text = new GroupWelcomeText(language);
        text._loaded = template is null
            ? (DefaultTemplates.Source(TemplatePurpose.Welcome, DefaultTemplates.Chinese), DefaultTemplates.Source(TemplatePurpose.Welcome, DefaultTemplates.English))
            : (template.BodyZh, template.BodyEn);
        (text.Main, text.Other) = DefaultTemplates.IsChinese(language) ? text._loaded : (text._loaded.En, text._loaded.Zh);
        return text;
    }
}
