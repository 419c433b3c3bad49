using Qunyun.Features.Events;

namespace Qunyun.Features.Bot;

public static class BotSetup
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AutoReplyCache>();
        builder.Services.AddSingleton<WelcomeRitual>();
        builder.Services.AddSingleton<BotCommands>();
        builder.Services.AddSingleton<AutoReplies>();
        builder.Services.AddSingleton<IPipelineStage, BotStage>();
        builder.Services.AddSingleton<BotWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BotWorker>());
        builder.Services.AddScoped<SaveGroupBotSettings>();
        builder.Services.AddScoped<SaveAutoReplyRule>();
        return builder;
    }
}
