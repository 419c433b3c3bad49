using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Qunyun.Data;

/// <summary>/healthz: healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(QunyunDbFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = factory.CreateUnscoped();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{factory.Options.Provider} reachable")
                : HealthCheckResult.Unhealthy($"{factory.Options.Provider} not reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{factory.Options.Provider}: {e.Message}");
        }
    }
}
