using System.Reflection;

namespace Qunyun.Hosting;

/// <summary>What the host assumes when nobody configured it: its own folder, quiet SQL, a prompt stop.</summary>
public static class HostingDefaults
{
    /// <summary>Ctrl+C or SIGTERM stops the host within this, whatever a worker is doing.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    /// <summary>
    /// The executable's folder, so <c>dotnet /opt/qunyun/Qunyun.dll</c> finds its <c>appsettings.json</c> (and keeps
    /// <c>data/</c> beside it) from any working directory. Hosts started by tests keep the content root they set.
    /// </summary>
    public static string? ContentRoot() =>
        Assembly.GetEntryAssembly() == typeof(HostingDefaults).Assembly ? AppContext.BaseDirectory : null;

    /// <summary>Defaults every other source overrides: EF Core does not log each SQL command unless asked to.</summary>
    public static IHostApplicationBuilder AddHostingDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
            },
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddHostedService<StartBanner>();
        return builder;
    }
}
