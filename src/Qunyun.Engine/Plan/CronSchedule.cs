using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Qunyun.Engine.Plan;

/// <summary>Five-field cron ("0 8 * * 1-5"), parsed with Cronos.</summary>
public static class CronSchedule
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out CronExpression? expression)
    {
        expression = null;
        return !string.IsNullOrWhiteSpace(text) && CronExpression.TryParse(text.Trim(), CronFormat.Standard, out expression) && expression is not null;
    }
}
