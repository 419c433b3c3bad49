using Qunyun.Components;

namespace Qunyun.Features.GroupChat;

public static class GroupChatSetup
{
    /// <summary>The conversation under the group page's facts and members.</summary>
    public static IHostApplicationBuilder AddGroupChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConsoleSection<GroupChatView>(ConsoleSections.GroupBody, 10);
        return builder;
    }
}
