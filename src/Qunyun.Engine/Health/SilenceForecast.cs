namespace Qunyun.Engine.Health;

public enum ForecastState
{
    /// <summary>Fewer than <see cref="SilenceForecast.MinimumDays"/> days to fit.</summary>
    NotEnoughHistory,

    /// <summary>Already silent: fewer than two active members on each of the last seven days.</summary>
    Silent,

    /// <summary>No decline the noise cannot explain, or silence further away than the horizon.</summary>
    Stable,

    /// <summary>Declining: <see cref="SilenceForecast.Days"/> until silence, with an interval.</summary>
    Declining,
}

/// <summary>
/// When a group will fall silent if nobody acts. <b>Silence</b> is fewer than <see cref="SilentBelow"/> active members a
/// day for <see cref="SilentDays"/> days in a row (seed 002: "a group left alone goes quiet within three months").
/// <para>
/// The model is exponential decay fitted to the daily active members of the last <see cref="FitDays"/> days
/// (a Poisson regression with a log link, see <see cref="Fit"/>). Why this one: an unattended group loses a share of its remaining voices each week
/// (the people who leave or go quiet are a fraction of those still talking), so the decline is multiplicative, which a
/// straight line on the log scale captures with two parameters and a standard error for the slope. Counts, not their
/// logarithms, are fitted, so quiet days (0, 1) weigh as little as they tell and need no offset. Holt's linear
/// trend extrapolates a straight line in raw counts, which crosses zero too early for a slow fade and needs smoothing
/// constants we could not justify; its interval needs a state-space model on top.
/// </para>
/// <para>
/// The interval comes from the slope's 90 % confidence interval (Student's t): the steeper edge gives the early
/// date, the shallower edge the late one, and when the shallower edge is flat or rising the late date is open
/// (<see cref="High"/> null). A decline counts only when the whole interval of the slope is below zero, so a steady
/// group with noisy days is not flagged; a date beyond <see cref="HorizonDays"/> is reported as stable.
/// </para>
/// </summary>
/// <param name="Days">Days from the last measured day until the fitted activity falls below <see cref="SilentBelow"/>.</param>
/// <param name="WeeklyChange">Fitted change of active members per week (−0.2 = a fifth fewer every week); 0 without a fit.</param>
public sealed record SilenceForecast(ForecastState State, double? Days, double? Low, double? High, double WeeklyChange)
{
    public const int SilentBelow = 2;
    public const int SilentDays = 7;
    public const int FitDays = 42;
    public const int MinimumDays = 14;
    public const int HorizonDays = 180;

    /// <summary>A declining or silent group whose silence is due within <paramref name="thresholdDays"/>.</summary>
    public bool AtRisk(int thresholdDays) =>
        State == ForecastState.Silent || State == ForecastState.Declining && Days <= thresholdDays;

    /// <param name="activeMembers">Active members per full day, oldest first, from the group's first day on.</param>
    public static SilenceForecast Of(IReadOnlyList<int> activeMembers)
    {
        var n = Math.Min(activeMembers.Count, FitDays);
        if (n < MinimumDays)
        {
            return new SilenceForecast(ForecastState.NotEnoughHistory, null, null, null, 0);
        }

        var start = activeMembers.Count - n;
        var fit = Fit(activeMembers, start, n);
        var weekly = Math.Exp(7 * fit.Slope) - 1;
        if (activeMembers.Skip(activeMembers.Count - SilentDays).All(a => a < SilentBelow))
        {
            return new SilenceForecast(ForecastState.Silent, 0, 0, 0, Math.Min(0, weekly));
        }

        var margin = StudentT90(n - 2) * fit.SlopeError;
        if (fit.Slope + margin >= 0)
        {
            return new SilenceForecast(ForecastState.Stable, null, null, null, weekly);
        }

        var gap = Math.Log(SilentBelow) - fit.LevelAtEnd;
        if (gap >= 0)
        {
            return new SilenceForecast(ForecastState.Declining, 0, 0, 0, weekly);
        }

        var days = gap / fit.Slope;
        if (days > HorizonDays)
        {
            return new SilenceForecast(ForecastState.Stable, null, null, null, weekly);
        }

        var low = gap / (fit.Slope - margin);
        double? high = fit.Slope + margin < 0 ? gap / (fit.Slope + margin) : null;
        return new SilenceForecast(ForecastState.Declining, days, low, high > HorizonDays ? null : high, weekly);
    }

    /// <summary>Fitted active members on each day from the last measured one on (for drawing the forecast).</summary>
    public static IReadOnlyList<double> Projection(IReadOnlyList<int> activeMembers, int days)
    {
        var n = Math.Min(activeMembers.Count, FitDays);
        if (n < MinimumDays)
        {
            return [];
        }

        var fit = Fit(activeMembers, activeMembers.Count - n, n);
        return [.. Enumerable.Range(0, days + 1).Select(d => Math.Exp(fit.LevelAtEnd + fit.Slope * d))];
    }

    private readonly record struct LogLinearFit(double Slope, double SlopeError, double LevelAtEnd);

    /// <summary>
    /// Quasi-Poisson regression of the counts on the day index with a log link (E[active] = e^(a + b·day)), by
    /// iteratively reweighted least squares from a least-squares start on ln(active + ½). The standard error of the
    /// slope is scaled by the Pearson dispersion, so day-to-day noise wider than Poisson widens the interval.
    /// </summary>
    private static LogLinearFit Fit(IReadOnlyList<int> values, int start, int n)
    {
        if (Enumerable.Range(start, n).All(i => values[i] == 0))
        {
            return new LogLinearFit(0, 0, double.NegativeInfinity);
        }

        var (intercept, slope) = WeightedLine(n, i => Math.Log(values[start + i] + 0.5), _ => 1);
        double s0 = n, s1 = 0, s2 = 0;
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var (a, b) = (intercept, slope);
            (intercept, slope) = WeightedLine(n,
                i => a + b * i + (values[start + i] - Math.Exp(a + b * i)) / Math.Exp(a + b * i),
                i => Math.Exp(a + b * i));
            if (Math.Abs(slope - b) < 1e-9 && Math.Abs(intercept - a) < 1e-9)
            {
                break;
            }
        }

        double pearson = 0;
        s0 = s1 = s2 = 0;
        for (var i = 0; i < n; i++)
        {
            var mean = Math.Exp(intercept + slope * i);
            pearson += (values[start + i] - mean) * (values[start + i] - mean) / mean;
            (s0, s1, s2) = (s0 + mean, s1 + mean * i, s2 + mean * i * i);
        }

        var dispersion = Math.Max(1, pearson / (n - 2));
        var error = Math.Sqrt(dispersion * s0 / (s0 * s2 - s1 * s1));
        return new LogLinearFit(slope, error, intercept + slope * (n - 1));
    }

    private static (double Intercept, double Slope) WeightedLine(int n, Func<int, double> y, Func<int, double> weight)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var (w, v) = (weight(i), y(i));
            (sw, sx, sy, sxx, sxy) = (sw + w, sx + w * i, sy + w * v, sxx + w * i * i, sxy + w * i * v);
        }

        var slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        return ((sy - slope * sx) / sw, slope);
    }

    /// <summary>The t quantile for a two-sided 90 % interval: Cornish–Fisher's first terms, within 1 % from 12 degrees of freedom.</summary>
    private static double StudentT90(int degreesOfFreedom)
    {
        const double z = 1.6448536;
        double df = degreesOfFreedom;
        return z + (z * z * z + z) / (4 * df) + (5 * Math.Pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df);
    }
}
