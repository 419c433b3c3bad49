using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Qunyun.Components;
using Qunyun.Features.Connectors.Pages;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors;

public static class ConnectorsSetup
{
    public static IHostApplicationBuilder AddConnectors(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ConnectorRegistry>();
        builder.Services.TryAddSingleton<IActionExecutors>(sp => sp.GetRequiredService<ConnectorRegistry>());
        builder.Services.TryAddSingleton<ConnectorInbound>();
        builder.Services.AddHttpClient(OutboundUrlProbe.HttpClientName, c => c.Timeout = OutboundUrlProbe.Timeout);
        builder.Services.TryAddSingleton<OutboundUrlProbe>();
        builder.Services.TryAddSingleton<ChannelRules>();
        builder.Services.TryAddSingleton<ChannelList>();
        builder.Services.TryAddScoped<ChannelChanges>();
        builder.Services.AddConsoleSection<ChannelSettings>(ConsoleSections.Settings, 40, "channels", "Settings.Channels", Icons.Material.Filled.Hub);
        return builder;
    }

    /// <summary>Registers a platform's connector; the dispatcher finds it by its channel kind.</summary>
    public static IServiceCollection AddConnector<T>(this IServiceCollection services)
        where T : class, IConnector
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IConnector>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
