using Qunyun.Components;
using Qunyun.Features.Members.Pages;

namespace Qunyun.Features.Members;

public static class MembersSetup
{
    public static IHostApplicationBuilder AddMembers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConsoleSection<GroupMembersGrid>(ConsoleSections.GroupSide, 10);
        return builder;
    }
}
