using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Qunyun.Engine.Health;
using Qunyun.Localization;

namespace Qunyun.Features.Health.Pages;

/// <summary>Health in the operator's words: factor names, values, norms and the forecast as sentences.</summary>
internal static class HealthWords
{
    public static string Factor(IStringLocalizer<Strings> l, HealthFactor factor) => l[$"Health.Factor.{factor}"];

    public static string Explain(IStringLocalizer<Strings> l, HealthFactor factor) => l[$"Health.Factor.{factor}.Why"];

    public static string Value(IStringLocalizer<Strings> l, HealthFactor factor, double value) => factor switch
    {
        HealthFactor.AnswerTime => Minutes(l, value),
        HealthFactor.NetGrowth => (value > 0 ? "+" : "") + Percent(value),
        HealthFactor.Moderated => value.ToString("0.#%", CultureInfo.InvariantCulture),
        _ => Percent(value),
    };

    /// <summary>"≥ 10%", "≤ 30 min", "5%–30%": where the factor earns all its points in a group of this type.</summary>
    public static string Norm(IStringLocalizer<Strings> l, HealthFactor factor, HealthNorm norm)
    {
        var low = !double.IsInfinity(norm.GoodFrom);
        var high = !double.IsInfinity(norm.GoodTo);
        return (low, high) switch
        {
            (true, true) => $"{Value(l, factor, norm.GoodFrom)}–{Value(l, factor, norm.GoodTo)}",
            (true, false) => $"≥ {Value(l, factor, norm.GoodFrom)}",
            (false, true) => $"≤ {Value(l, factor, norm.GoodTo)}",
            _ => "—",
        };
    }

    public static string Forecast(IStringLocalizer<Strings> l, SilenceForecast forecast) => forecast.State switch
    {
        ForecastState.NotEnoughHistory => string.Format(l["Health.Forecast.NotEnough"], SilenceForecast.MinimumDays),
        ForecastState.Silent => string.Format(l["Health.Forecast.Silent"], SilenceForecast.SilentBelow, SilenceForecast.SilentDays),
        ForecastState.Stable => l["Health.Forecast.Stable"],
        _ when forecast.Days < 1 => l["Health.Forecast.Now"],
        _ when forecast.High is { } high => string.Format(l["Health.Forecast.Days"], Days(forecast.Days), Days(forecast.Low), Days(high)),
        _ => string.Format(l["Health.Forecast.DaysOpen"], Days(forecast.Days), Days(forecast.Low)),
    };

    /// <summary>"−12% a week" / "每周 −12%".</summary>
    public static string Weekly(IStringLocalizer<Strings> l, double change) =>
        string.Format(l["Health.Weekly"], (change > 0 ? "+" : "") + change.ToString("0%", CultureInfo.InvariantCulture));

    public static Color ScoreColor(int score) => score >= 70 ? Color.Success : score >= 40 ? Color.Warning : Color.Error;

    private static string Percent(double value) => value.ToString("0%", CultureInfo.InvariantCulture);

    private static string Days(double? days) => Math.Round(days ?? 0).ToString("0", CultureInfo.InvariantCulture);

    private static string Minutes(IStringLocalizer<Strings> l, double minutes) => minutes < 60
        ? string.Format(l["Health.Minutes"], Math.Round(minutes).ToString("0", CultureInfo.InvariantCulture))
        : string.Format(l["Health.Hours"], (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture));
}
