using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Qunyun.Features.PaidMemberships;

public sealed class PaidMembershipOptions
{
    public const string Section = "PaidMembership";

    /// <summary>Run the background worker (tests step the scheduler themselves).</summary>
    public bool RunWorker { get; set; } = true;

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>Steps the paid memberships' scheduler every minute; a failed step is retried next time.</summary>
internal sealed class MembershipWorker(MembershipScheduler scheduler, IOptions<PaidMembershipOptions> options, TimeProvider clock, ILogger<MembershipWorker> logger)
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
                logger.LogError(e, "Paid membership step failed; retrying");
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
