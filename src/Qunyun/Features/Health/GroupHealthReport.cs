using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Health;

namespace Qunyun.Features.Health;

/// <summary>One group's health: its score and why, its forecast, and its days.</summary>
public sealed record GroupHealth(GroupHealthSource Source, HealthScore Score, SilenceForecast Forecast, bool AtRisk)
{
    public IReadOnlyList<int> ActiveMembers => [.. Source.Days.Select(d => d.ActiveMembers)];
}

/// <summary>Health of the workspace's active groups, computed from the rollups on request (a few queries, then pure code).</summary>
public sealed class GroupHealthReport(TimeProvider clock, IOptions<HealthOptions> options, QunyunDbFactory factory)
{
    public int AtRiskDays => options.Value.AtRiskDays;

    public async Task<(DateOnly LastDay, List<GroupHealth> Groups)> ReadAsync(QunyunDb db, Guid? groupId, CancellationToken cancellationToken)
    {
        var (lastDay, sources) = await GroupHealthData.LoadAsync(db, factory, clock.GetUtcNow(), groupId, cancellationToken);
        return (lastDay, sources.ConvertAll(Of));
    }

    public GroupHealth Of(GroupHealthSource source)
    {
        var score = HealthScore.Of(new HealthInputs(source.Type, source.MemberCount, source.Days, source.Signals));
        var forecast = SilenceForecast.Of([.. source.Days.Select(d => d.ActiveMembers)]);
        var over = source.EndsOn is { } end && source.Days.Count > 0 && end < source.Days[^1].Day;
        return new GroupHealth(source, score, forecast, forecast.AtRisk(AtRiskDays) && !over);
    }
}
