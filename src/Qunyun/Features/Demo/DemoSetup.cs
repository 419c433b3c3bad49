using Qunyun.Components;
using Qunyun.Data;
using Qunyun.Features.Demo.Pages;
using Qunyun.Hosting;

namespace Qunyun.Features.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoTraffic>();
        builder.Services.AddScoped<DemoStaff>();
        builder.Services.AddScoped<DemoSplit>();
        builder.Services.AddScoped<DemoLifecycle>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<DemoProgress>();
        builder.Services.AddSingleton<ChatSimulator>();
        builder.Services.AddScoped<IStartupTask, PrepareDemoOnStart>();
        builder.Services.AddHostedService<DemoFillWorker>();
        builder.Services.AddConsoleSection<DemoProgressBanner>(ConsoleSections.Banner, 10);
        if (builder.Configuration.GetValue("Demo:Seed", false))
        {
            builder.Services.AddSingleton(DemoBanner.Note);
        }

        return builder;
    }

    /// <summary>The chat simulator's endpoint: no API key, the request is authenticated by the channel's signature.</summary>
    public static IEndpointRouteBuilder MapChatSimulator(this IEndpointRouteBuilder app)
    {
        app.MapPost(ChatSimulator.Route + "/{channelId:guid}",
                (Guid channelId, HttpRequest request, ChatSimulator simulator, CancellationToken cancellationToken) =>
                    simulator.ReceiveAsync(channelId, request, cancellationToken))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}
