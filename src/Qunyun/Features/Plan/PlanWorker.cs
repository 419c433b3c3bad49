using Microsoft.Extensions.Options;

namespace Qunyun.Features.Plan;

/// <summary>Steps the scheduler every few seconds; a failed step (a lock, a second host winning a race) is retried next time.</summary>
internal sealed class PlanWorker(PlanScheduler scheduler, IOptions<PlanOptions> options, TimeProvider clock, ILogger<PlanWorker> logger) : BackgroundService
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
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Plan scheduler step failed; retrying");
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
    }
}
