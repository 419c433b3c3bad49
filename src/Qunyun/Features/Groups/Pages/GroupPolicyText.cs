using Microsoft.Extensions.Localization;
using Qunyun.Engine.Groups;
using Qunyun.Localization;

namespace Qunyun.Features.Groups.Pages;

/// <summary>A type's policy in figures, in the console's language: default cap, moderation, dissolution.</summary>
public static class GroupPolicyText
{
    public static string Of(IStringLocalizer<Strings> l, GroupType type)
    {
        var policy = GroupPolicy.For(type);
        var text = string.Format(l["Groups.PolicyText"], policy.DefaultCapacity, l[$"ModerationLevel.{policy.ModerationLevel}"]);
        return policy.DissolveAfterEnd is { } after ? text + " · " + string.Format(l["Groups.DissolveAfter"], after.TotalDays) : text;
    }
}
