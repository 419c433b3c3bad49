using Microsoft.Extensions.Options;

namespace Qunyun.Features.LiveCodes;

/// <summary>Runs <see cref="LiveCodeUpkeep"/> every <see cref="LiveCodeOptions.WorkInterval"/>.</summary>
internal sealed class LiveCodeWorker(LiveCodeUpkeep upkeep, IOptions<LiveCodeOptions> options, TimeProvider clock, ILogger<LiveCodeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WorkInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await upkeep.RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Live-code upkeep failed; it runs again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
