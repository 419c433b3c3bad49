namespace Qunyun.Hosting;

public static class LoggingSetup
{
    /// <summary>JSON lines on the console (one object per event) unless Logging:Console:FormatterName says otherwise.</summary>
    public static IHostApplicationBuilder AddLogs(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddConsole();
        }

        return builder;
    }
}
