using Microsoft.Extensions.Options;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>Moves stored callbacks into the pipeline: drains the inbox, then sleeps until a callback arrives (or a second passes).</summary>
internal sealed class WeComInboxWorker(WeComInbox inbox, IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComInboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInboxWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await inbox.DrainAsync(stoppingToken) == 0)
                {
                    await inbox.WaitAsync(Idle, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is unreachable: the entries stay in the inbox.
                logger.LogError(e, "Reading the WeCom inbox failed");
                await Task.Delay(AfterFailure, clock, stoppingToken);
            }
        }
    }
}
