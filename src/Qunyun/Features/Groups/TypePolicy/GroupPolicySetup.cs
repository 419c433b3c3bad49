using Qunyun.Components;
using Qunyun.Features.Groups.TypePolicy.Pages;

namespace Qunyun.Features.Groups.TypePolicy;

public static class GroupPolicySetup
{
    public static IHostApplicationBuilder AddGroupPolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SaveGroupPolicy>();
        builder.Services.AddConsoleSection<GroupPolicyPanel>(ConsoleSections.GroupBody, 5);
        return builder;
    }
}
