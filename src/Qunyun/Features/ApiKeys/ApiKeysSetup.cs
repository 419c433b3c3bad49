using MudBlazor;
using Qunyun.Components;
using Qunyun.Features.ApiKeys.Pages;

namespace Qunyun.Features.ApiKeys;

public static class ApiKeysSetup
{
    /// <summary>Bearer API keys as an authentication scheme (the /api/v1 group requires it), and their use cases.</summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationOptions.Scheme, null);
        builder.Services.AddScoped<CreateApiKey>();
        builder.Services.AddScoped<RevokeApiKey>();
        builder.Services.AddConsoleSection<ApiKeySettings>(ConsoleSections.Settings, 20, "apikeys", "Settings.ApiKeys", Icons.Material.Filled.Key);
        return builder;
    }
}
