using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Qunyun.Features.Referrals;

public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>Run the background worker (tests step <see cref="ReferralSteps"/> themselves).</summary>
    public bool RunWorker { get; set; } = true;

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;
}

/// <summary>Steps the campaigns every interval; a failed step (a lock, a host racing it) is retried next time.</summary>
internal sealed class ReferralWorker(ReferralSteps steps, IOptions<ReferralOptions> options, TimeProvider clock, ILogger<ReferralWorker> logger) : BackgroundService
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
                await steps.StepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Referral step failed; retrying");
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
