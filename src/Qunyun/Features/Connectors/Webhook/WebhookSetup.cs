namespace Qunyun.Features.Connectors.Webhook;

public static class WebhookSetup
{
    public static IHostApplicationBuilder AddWebhookBridge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(WebhookConnector.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddConnector<WebhookConnector>();
        builder.Services.AddSingleton<WebhookInbound>();
        builder.Services.AddSingleton<SendWebhookTestEvent>();
        builder.Services.AddChannelPlatformUi(Engine.Channels.ChannelKind.Webhook, typeof(Pages.WebhookChannelSetup), typeof(Pages.WebhookChannelsPanel));
        return builder;
    }
}
