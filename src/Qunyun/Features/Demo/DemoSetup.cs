namespace Qunyun.Features.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoTraffic>();
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
