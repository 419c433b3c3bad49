using Qunyun.Data;

namespace Qunyun.Features.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoTraffic>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<IStartupTask, SeedDemoOnStart>();
        return builder;
    }
}

/// <summary>--demo (<c>Demo:Seed</c>): fill the demo workspace before the server takes requests.</summary>
internal sealed class SeedDemoOnStart(DemoSeeder seeder, IConfiguration configuration) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:Seed", false))
        {
            await seeder.SeedAsync(configuration.GetValue("Demo:Members", DemoSeeder.DefaultMembers), cancellationToken);
        }
    }
}
