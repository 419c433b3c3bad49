using Microsoft.AspNetCore.Components;
using MudBlazor;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

public static class TagNames
{
    /// <summary>Interest tags are shown by their topic; the <c>interest:</c> prefix only keeps their names apart.</summary>
    public static string Display(string name, TagKind kind) =>
        kind == TagKind.Interest && name.StartsWith(Topics.InterestPrefix, StringComparison.Ordinal) ? name[Topics.InterestPrefix.Length..] : name;
}

public static class TagKindIcon
{
    public static string? Of(TagKind kind) => kind switch
    {
        TagKind.Rule => Icons.Material.Filled.Rule,
        TagKind.Interest => Icons.Material.Filled.Interests,
        TagKind.Platform => Icons.Material.Filled.CloudSync,
        _ => null,
    };
}
