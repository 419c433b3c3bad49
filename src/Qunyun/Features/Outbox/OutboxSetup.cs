namespace Qunyun.Features.Outbox;

public static class OutboxSetup
{
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxRateLimiter>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddScoped<OutboxActions>();
        builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }
}
