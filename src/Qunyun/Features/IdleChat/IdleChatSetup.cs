using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.IdleChat.Pages;

namespace Qunyun.Features.IdleChat;

public static class IdleChatSetup
{
    public static IHostApplicationBuilder AddIdleChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdleChatWindows>();
        builder.Services.AddSingleton<IPipelineStage, IdleChatStage>();
        builder.Services.AddConsoleSection<IdleChatNudgeText>(ConsoleSections.GroupBody, 6);
        return builder;
    }
}
