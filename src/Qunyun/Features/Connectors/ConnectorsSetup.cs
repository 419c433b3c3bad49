using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qunyun.Features.Connectors;

public static class ConnectorsSetup
{
    public static IHostApplicationBuilder AddConnectors(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ConnectorRegistry>();
        builder.Services.TryAddSingleton<ConnectorInbound>();
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
