using Microsoft.Extensions.Options;

namespace Qunyun.Features.Events;

/// <summary>Runs the pipeline: processes batches while events are pending, then sleeps until woken (or a second passes).</summary>
internal sealed class PipelineWorker(EventProcessor processor, PipelineSignal signal, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<PipelineWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.ProcessNextBatchAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(Idle, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The batch rolled back and its events stay pending; try again shortly.
                logger.LogError(e, "Pipeline batch failed; retrying in {Delay}", AfterFailure);
                await Task.Delay(AfterFailure, clock, stoppingToken);
            }
        }
    }
}
