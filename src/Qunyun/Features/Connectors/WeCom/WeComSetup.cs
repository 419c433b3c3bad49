namespace Qunyun.Features.Connectors.WeCom;

public static class WeComSetup
{
    public static IHostApplicationBuilder AddWeCom(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(WeComClient.HttpClientName, (services, client) =>
        {
            client.BaseAddress = new Uri(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeComOptions>>().Value.ApiBaseUrl.TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddSingleton<WeComClient>();
        builder.Services.AddSingleton<WeComChannels>();
        builder.Services.AddSingleton<WeComSyncRuns>();
        builder.Services.AddSingleton<WeComSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WeComSync>());
        builder.Services.AddSingleton<WeComTags>();
        builder.Services.AddSingleton<WeComEvents>();
        builder.Services.AddSingleton<WeComInbox>();
        builder.Services.AddHostedService<WeComInboxWorker>();
        builder.Services.AddSingleton<WeComReceiver>();
        builder.Services.AddSingleton<WeComMassSends>();
        builder.Services.AddSingleton<WeComJoinCodes>();
        builder.Services.AddSingleton<WeComStaffTasks>();
        builder.Services.AddConnector<WeComConnector>();
        builder.Services.AddChannelPlatformUi(Engine.Channels.ChannelKind.WeCom, typeof(Pages.WeComChannelSetup), typeof(Pages.WeComChannelsPanel));
        return builder;
    }
}
