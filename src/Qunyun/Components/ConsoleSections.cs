using Microsoft.AspNetCore.Components;

namespace Qunyun.Components;

/// <summary>
/// A piece of a console page that a feature contributes (a settings tab, a card on the member page…). The page renders
/// its slot's sections in order through <c>ConsoleSlot</c>, so it never imports the features that fill it.
/// </summary>
/// <param name="Slot">One of the <see cref="ConsoleSections"/> names; its page decides the parameters every section gets.</param>
/// <param name="Key">Where the page needs one (a settings tab's URL segment).</param>
/// <param name="Title">A resource key in <c>Strings.resx</c>.</param>
public sealed record ConsoleSection(string Slot, Type Component, int Order, string Key = "", string Title = "", string Icon = "");

public static class ConsoleSections
{
    /// <summary>Tabs of /settings; no parameters.</summary>
    public const string Settings = "settings";

    /// <summary>Panels under the workspace settings; parameter <c>IsOwner</c> (bool).</summary>
    public const string WorkspaceSettings = "settings.workspace";

    /// <summary>
    /// Cards of the member page's left column, above its profile. The member page's slots offer <c>MemberId</c> (Guid),
    /// <c>CanWrite</c> (bool) and <c>Changed</c> (EventCallback: the section changed the member, the page reloads).
    /// </summary>
    public const string MemberPage = "member";

    /// <summary>Full width under the member's name (the tags); the member page's parameters.</summary>
    public const string MemberHead = "member.head";

    /// <summary>Buttons beside the member's name; the member page's parameters.</summary>
    public const string MemberActions = "member.actions";

    /// <summary>Cards of the member page's right column, under its groups; the member page's parameters.</summary>
    public const string MemberBody = "member.body";

    /// <summary>Notices above every console page (the demo's fill progress); no parameters.</summary>
    public const string Banner = "banner";

    /// <summary>Cards of the group page; parameter <c>GroupId</c> (Guid).</summary>
    public const string GroupPage = "group";

    /// <summary>The group page's right column, beside its facts (the current members); parameter <c>GroupId</c> (Guid).</summary>
    public const string GroupSide = "group.side";

    /// <summary>Notices above the group page's facts (health's "at risk of going silent"); parameter <c>GroupId</c> (Guid).</summary>
    public const string GroupBanner = "group.banner";

    /// <summary>Full-width sections under the group page's facts and members (the conversation); parameter <c>GroupId</c> (Guid).</summary>
    public const string GroupBody = "group.body";

    /// <summary>Cards of the dashboard under its figures (size recommendations, groups at risk); no parameters.</summary>
    public const string Dashboard = "dashboard";

    public static IServiceCollection AddConsoleSection<TComponent>(
        this IServiceCollection services, string slot, int order, string key = "", string title = "", string icon = "")
        where TComponent : IComponent =>
        services.AddSingleton(new ConsoleSection(slot, typeof(TComponent), order, key, title, icon));

    public static IEnumerable<ConsoleSection> In(this IEnumerable<ConsoleSection> sections, string slot) =>
        sections.Where(s => s.Slot == slot).OrderBy(s => s.Order);
}
