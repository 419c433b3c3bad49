using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Data;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// The app's own host, built by Program.cs with every AddXxx registration (the same way the integration tests get it;
/// any public type of the app names its entry point, and the bench's own <c>Program</c> would hide the app's),
/// on the bench's database. Of the background services only the pipeline's worker and SQLite's checkpointer (part of
/// how the database is written) may run (see <see cref="PipelineSeam.KeepHostedService"/>): the outbox, bot, plan and
/// recheck workers would compete for the database with what is measured. Nothing listens on a port (the test server stays unused).
/// </summary>
internal sealed class BenchHost(DatabaseOptions database, string folder, bool pipelineWorker, int? processBatch) : WebApplicationFactory<StartupTasks>
{
    public static async Task<BenchHost> StartAsync(DatabaseOptions database, string folder, bool pipelineWorker, int? processBatch)
    {
        // The app's appsettings.json is copied next to the bench; WebApplicationFactory reads this variable first.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_QUNYUN", AppContext.BaseDirectory);
        // Migrate before the host starts, so that the pipeline worker never sees a database without tables.
        await new DatabaseMigrator(new QunyunDbFactory(database, NullLoggerFactory.Instance), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var host = new BenchHost(database, folder, pipelineWorker, processBatch);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Qunyun", database.ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
        builder.UseSetting("Imports:StoragePath", Path.Combine(folder, "imports"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "Error");
        foreach (var (key, value) in PipelineSeam.Settings(pipelineWorker, processBatch))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && !PipelineSeam.KeepHostedService(d, pipelineWorker)).ToList())
            {
                services.Remove(hosted);
            }
        });
    }
}
