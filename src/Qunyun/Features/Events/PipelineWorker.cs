using Microsoft.Extensions.Options;

namespace Qunyun.Features.Events;

/// <summary>Runs the pipeline: processes batches while events are pending, then sleeps until woken (or a second passes).</summary>
internal sealed class PipelineWorker(EventProcessor processor, PipelineSignal signal, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<PipelineWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);
    private const int AttemptsBeforeSettingAside = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A passing fault (a lock, a restarting database) goes away on retry; if batches keep failing, one event
                // is to blame: it is set aside so that the events after it go on.
                if (failures >= AttemptsBeforeSettingAside && await processor.SetAsideNextFailureAsync(stoppingToken) is { } failed)
                {
                    logger.LogError("Event {EventId} set aside after {Failures} failed batches; see FailedEvents", failed, failures);
                    failures = 0;
                }

                if (await processor.ProcessNextBatchAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(Idle, stoppingToken);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The batch rolled back; its events stay pending.
                failures++;
                logger.LogError(e, "Pipeline batch failed ({Failures} in a row)", failures);
                await Task.Delay(AfterFailure, clock, stoppingToken);
            }
        }
    }
}
