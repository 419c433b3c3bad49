
namespace Qunyun.Features.Connectors.Telegram;

public static class TelegramSetup
{
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(TelegramBots.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(100));
        builder.Services.AddSingleton<TelegramBots>();
        builder.Services.AddSingleton<TelegramFiles>();
        builder.Services.AddSingleton<IPlatformImageSource>(services => services.GetRequiredService<TelegramFiles>());
        builder.Services.AddSingleton<TelegramPolling>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelegramPolling>());
        builder.Services.AddScoped<TestTelegramConnection>();
        builder.Services.AddScoped<SetTelegramMode>();
        builder.Services.AddConnector<TelegramConnector>();
        builder.Services.AddChannelPlatformUi(Engine.Channels.ChannelKind.Telegram, typeof(Pages.TelegramChannelSetup), typeof(Pages.TelegramChannelsPanel));
        return builder;
    }
}
