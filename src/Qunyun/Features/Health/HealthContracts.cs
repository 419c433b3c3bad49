using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Health;

namespace Qunyun.Features.Health;

public enum HealthSort
{
    Score,
    Forecast,
    Name,
    Members,
    Trend,
}

/// <summary>Days until silence with its 90 % interval; <c>High</c> null when the late edge is open.</summary>
public sealed record ForecastResponse(ForecastState State, double? Days, double? Low, double? High, double WeeklyChange);

/// <param name="MainFactor">The factor that costs the most points, if any does.</param>
/// <param name="ActiveMembers">Active members per day of the last 90 days (fewer for a younger group), oldest first.</param>
public sealed record GroupHealthResponse(
    Guid GroupId, string Name, GroupType Type, int MemberCount, int Score, HealthFactor? MainFactor, double? MainFactorValue,
    ForecastResponse Forecast, bool AtRisk, IReadOnlyList<int> ActiveMembers);

/// <summary>A factor's value, the norm of the group's type (null bounds are open) and the points it cost.</summary>
public sealed record HealthFactorResponse(
    HealthFactor Factor, double Value, double? BadBelow, double? GoodFrom, double? GoodTo, double? BadAbove, int Weight, double PointsLost);

public sealed record HealthDayResponse(DateOnly Day, int Messages, int ActiveMembers, int Joins, int Leaves);

/// <param name="Projection">Fitted active members from <c>LastDay</c> on, one a day, for drawing the forecast.</param>
public sealed record GroupHealthDetailResponse(
    GroupHealthResponse Summary, DateOnly LastDay, int AtRiskDays, IReadOnlyList<HealthFactorResponse> Factors,
    IReadOnlyList<HealthDayResponse> Days, IReadOnlyList<double> Projection);

public static class HealthResponses
{
    public const int ProjectionDays = 30;

    public static GroupHealthResponse Summary(GroupHealth health)
    {
        var (source, score, forecast) = (health.Source, health.Score, health.Forecast);
        return new GroupHealthResponse(source.GroupId, source.Name, source.Type, source.MemberCount, score.Score,
            score.MainDrag?.Factor, score.MainDrag?.Value,
            new ForecastResponse(forecast.State, forecast.Days, forecast.Low, forecast.High, forecast.WeeklyChange),
            health.AtRisk, health.ActiveMembers);
    }

    public static GroupHealthDetailResponse Detail(GroupHealth health, DateOnly lastDay, int atRiskDays) =>
        new(Summary(health), lastDay, atRiskDays,
            [.. health.Score.Factors.Select(f => new HealthFactorResponse(f.Factor, f.Value, Finite(f.Norm.BadBelow), Finite(f.Norm.GoodFrom),
                Finite(f.Norm.GoodTo), Finite(f.Norm.BadAbove), f.Norm.Weight, Math.Round(f.PointsLost, 1)))],
            [.. health.Source.Days.Select(d => new HealthDayResponse(d.Day, d.Messages, d.ActiveMembers, d.Joins, d.Leaves))],
            [.. SilenceForecast.Projection(health.ActiveMembers, ProjectionDays).Select(v => Math.Round(v, 2))]);

    /// <summary>Orders the list; the default puts the sickest groups first.</summary>
    public static IEnumerable<GroupHealth> Sort(this IEnumerable<GroupHealth> groups, HealthSort sort, bool descending)
    {
        var ordered = sort switch
        {
            HealthSort.Forecast => descending
                ? groups.OrderByDescending(ForecastKey)
                : groups.OrderBy(ForecastKey),
            HealthSort.Name => descending ? groups.OrderByDescending(g => g.Source.Name, StringComparer.Ordinal) : groups.OrderBy(g => g.Source.Name, StringComparer.Ordinal),
            HealthSort.Members => descending ? groups.OrderByDescending(g => g.Source.MemberCount) : groups.OrderBy(g => g.Source.MemberCount),
            HealthSort.Trend => descending ? groups.OrderByDescending(g => g.Forecast.WeeklyChange) : groups.OrderBy(g => g.Forecast.WeeklyChange),
            _ => descending ? groups.OrderByDescending(g => g.Score.Score) : groups.OrderBy(g => g.Score.Score),
        };
        return ordered.ThenBy(g => g.Source.Name, StringComparer.Ordinal).ThenBy(g => g.Source.GroupId);
    }

    /// <summary>Silent first, then the nearest silence; groups without a date last.</summary>
    public static double ForecastKey(GroupHealth g) => g.Forecast.State switch
    {
        ForecastState.Silent => -1,
        ForecastState.Declining => g.Forecast.Days ?? 0,
        ForecastState.Stable => 10_000,
        _ => 20_000,
    };

    private static double? Finite(double value) => double.IsInfinity(value) ? null : value;
}

public sealed record HealthSettingsRequest
{
    /// <summary>A group whose forecast silence is this many days away or closer is at risk (1–180).</summary>
    [Required]
    public int? AtRiskDays { get; init; }
}

public sealed record HealthSettingsResponse(int AtRiskDays);
