using Microsoft.EntityFrameworkCore;
using Qunyun.Components;
using Qunyun.Features.Bot.Pages;
using Qunyun.Features.Events;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

public static class BotSetup
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AutoReplyCache>();
        builder.Services.AddSingleton<ContactWelcome>();
        builder.Services.AddSingleton<WelcomeRitual>();
        builder.Services.AddSingleton<BotCommands>();
        builder.Services.AddSingleton<AutoReplies>();
        builder.Services.AddSingleton<IPipelineStage, BotStage>();
        builder.Services.AddSingleton<BotWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BotWorker>());
        builder.Services.AddScoped<SaveGroupBotSettings>();
        builder.Services.AddScoped<SaveAutoReplyRule>();
        builder.Services.AddConsoleSection<GroupBotVoice>(ConsoleSections.GroupPage, 20, title: "Bot.Voice");
        builder.Services.AddTemplateUsage("group bot settings", (db, id, cancellationToken) => db.GroupBotSettings.CountAsync(
            s => s.WelcomeTemplateId == id || s.PrivateWelcomeTemplateId == id || s.IntroductionPromptTemplateId == id || s.IntroductionReminderTemplateId == id,
            cancellationToken));
        return builder;
    }
}
