using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using Qunyun.Localization;

namespace Qunyun.Components;

public static class ConsoleSetup
{
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddConsoleLocalization();
        builder.Services.Replace(ServiceDescriptor.Transient<MudLocalizer, ConsoleMudLocalizer>());
        return builder;
    }

    public static WebApplication UseConsoleErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });

        // API callers get problem details for bare error codes; people get the console's not-found page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"),
            console => console.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
