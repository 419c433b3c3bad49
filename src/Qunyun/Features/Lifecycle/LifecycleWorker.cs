using Microsoft.Extensions.Options;

namespace Qunyun.Features.Lifecycle;

/// <summary>Steps the lifecycle scheduler every minute; a failed step (a lock, a host racing it) is retried next time.</summary>
internal sealed class LifecycleWorker(LifecycleScheduler scheduler, IOptions<LifecycleOptions> options, TimeProvider clock, ILogger<LifecycleWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.StepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Lifecycle step failed; retrying");
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
