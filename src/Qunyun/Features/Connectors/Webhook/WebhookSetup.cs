using Microsoft.AspNetCore.Hosting.Server;
using Qunyun.Hosting;

namespace Qunyun.Features.Connectors.Webhook;

public static class WebhookSetup
{
    public static IHostApplicationBuilder AddWebhookBridge(this IHostApplicationBuilder builder)
    {
        // A relative outbound URL (the demo's chat simulator) is a path on this server, wherever it listens.
        builder.Services.AddHttpClient(WebhookConnector.HttpClientName, (services, client) =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.BaseAddress = new Uri(ServerAddresses.Of(services.GetRequiredService<IServer>()).FirstOrDefault() ?? "http://localhost/");
        });
        builder.Services.AddConnector<WebhookConnector>();
        builder.Services.AddSingleton<WebhookInbound>();
        builder.Services.AddSingleton<SendWebhookTestEvent>();
        builder.Services.AddChannelPlatformUi(Engine.Channels.ChannelKind.Webhook, typeof(Pages.WebhookChannelSetup), typeof(Pages.WebhookChannelsPanel));
        return builder;
    }
}
