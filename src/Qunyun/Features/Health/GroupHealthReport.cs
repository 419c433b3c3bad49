using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Health;

namespace Qunyun.Features.Health;

/// <summary>One group's health: its score and why, its forecast, and its days.</summary>
public sealed record GroupHealth(GroupHealthSource Source, HealthScore Score, SilenceForecast Forecast, bool AtRisk)
{
    public IReadOnlyList<int> ActiveMembers => [.. Source.Days.Select(d => d.ActiveMembers)];
}

/// <summary>The health of a workspace's groups (or one) up to its last full day, with the horizon that made a group at risk.</summary>
public sealed record HealthReading(DateOnly LastDay, int AtRiskDays, List<GroupHealth> Groups);

/// <summary>Health of the workspace's active groups, computed from the rollups on request (a few queries, then pure code).</summary>
public sealed class GroupHealthReport(TimeProvider clock, IOptions<HealthOptions> options, QunyunDbFactory factory)
{
    /// <summary>The workspace's own horizon, or the deployment's default.</summary>
    public async Task<int> AtRiskDaysAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await HealthSettings.LoadAtRiskDaysAsync(db, cancellationToken) ?? options.Value.AtRiskDays;

    public async Task<HealthReading> ReadAsync(QunyunDb db, Guid? groupId, CancellationToken cancellationToken)
    {
        var atRiskDays = await AtRiskDaysAsync(db, cancellationToken);
        var (lastDay, sources) = await GroupHealthData.LoadAsync(db, factory, clock.GetUtcNow(), groupId, cancellationToken);
        return new HealthReading(lastDay, atRiskDays, sources.ConvertAll(s => Of(s, atRiskDays)));
    }

    private static GroupHealth Of(GroupHealthSource source, int atRiskDays)
    {
        var score = HealthScore.Of(new HealthInputs(source.Type, source.MemberCount, source.Days, source.Signals));
        var forecast = SilenceForecast.Of([.. source.Days.Select(d => d.ActiveMembers)]);
        var over = source.EndsOn is { } end && source.Days.Count > 0 && end < source.Days[^1].Day;
        return new GroupHealth(source, score, forecast, forecast.AtRisk(atRiskDays) && !over);
    }
}
