using Qunyun.Data;
using Qunyun.Hosting;

namespace Qunyun.Features.Demo;

/// <summary>
/// <c>--demo</c> (<c>Demo:Seed</c>): before requests, only the demo workspace and its owner, so sign-in works at once;
/// the members and their 90 days of traffic fill in the background while the console shows the progress.
/// </summary>
internal sealed class PrepareDemoOnStart(DemoSeeder seeder, IConfiguration configuration) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:Seed", false))
        {
            await seeder.PrepareAsync(cancellationToken);
        }
    }
}

internal sealed class DemoFillWorker(
    IServiceScopeFactory scopes, IConfiguration configuration, DemoProgress progress, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<DemoFillWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        try
        {
            // The server listens first, and the first visitor's page gets a head start on the two cores a small machine has.
            var started = new TaskCompletionSource();
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(configuration.GetValue("Demo:Members", DemoSeeder.DefaultMembers), stoppingToken, progress);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopped half-way: the next --demo run finishes the fill (events are idempotent)
        }
        catch (Exception e)
        {
            logger.LogError(e, "The demo could not be filled");
            progress.Report(DemoPhase.Failed, error: e.Message);
        }
    }
}

internal static class DemoBanner
{
    public static StartBannerNote Note => new(
        $"Demo workspace: sign in as {DemoSeeder.OwnerEmail} / {DemoSeeder.OwnerPassword} (its 90 days of traffic fill in the background; the console shows the progress)");
}
