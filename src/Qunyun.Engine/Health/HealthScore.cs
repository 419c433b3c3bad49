using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Health;

/// <summary>A group as the score reads it: its type, its members now, its full local days oldest first, and the window's signals.</summary>
public sealed record HealthInputs(GroupType Type, int MemberCount, IReadOnlyList<HealthDay> Days, HealthSignals Signals);

/// <summary>One factor's part in the score: its value, the type's norm, and the points of 100 it cost.</summary>
public sealed record HealthFactorScore(HealthFactor Factor, double Value, HealthNorm Norm, double PointsLost);

/// <summary>The score 0–100 and why: the factors that could be measured, the ones that cost most first.</summary>
public sealed record HealthScore(int Score, IReadOnlyList<HealthFactorScore> Factors)
{
    /// <summary>Days the factors look back on (the trend compares its two halves).</summary>
    public const int Window = 28;

    /// <summary>Participation reads the last week only: it is the group's state now, the trend says where it is going.</summary>
    public const int ParticipationDays = 7;

    /// <summary>The factor that costs the most points, if any costs something.</summary>
    public HealthFactorScore? MainDrag => Factors.Count > 0 && Factors[0].PointsLost >= 0.5 ? Factors[0] : null;

    /// <summary>
    /// Scores the group against its type's norms. A factor without data (no questions asked, no messages to share
    /// out) is left out and the others share its weight, so a quiet factor neither helps nor hurts.
    /// </summary>
    public static HealthScore Of(HealthInputs inputs)
    {
        var norms = HealthNorms.For(inputs.Type);
        var measured = Values(inputs)
            .Where(v => v.Value is not null && norms[v.Factor].Weight > 0)
            .Select(v => (v.Factor, Value: v.Value!.Value, Norm: norms[v.Factor]))
            .ToList();
        var available = measured.Sum(m => m.Norm.Weight);
        if (available == 0)
        {
            return new HealthScore(0, []);
        }

        var factors = measured
            .Select(m => new HealthFactorScore(m.Factor, m.Value, m.Norm, 100.0 * m.Norm.Weight * (1 - m.Norm.Fraction(m.Value)) / available))
            .OrderByDescending(f => f.PointsLost).ThenBy(f => f.Factor)
            .ToList();
        var score = (int)Math.Round(100 - factors.Sum(f => f.PointsLost), MidpointRounding.AwayFromZero);
        return new HealthScore(Math.Clamp(score, 0, 100), factors);
    }

    private static IEnumerable<(HealthFactor Factor, double? Value)> Values(HealthInputs inputs)
    {
        var days = inputs.Days;
        var recent = days.Skip(Math.Max(0, days.Count - Window)).ToList();
        var members = Math.Max(inputs.MemberCount, 0);
        var lastWeek = days.Skip(Math.Max(0, days.Count - ParticipationDays)).ToList();
        yield return (HealthFactor.Participation, members == 0 || lastWeek.Count == 0 ? null : lastWeek.Average(d => d.ActiveMembers) / members);
        yield return (HealthFactor.ActivityTrend, Trend(recent));
        yield return (HealthFactor.NetGrowth, members == 0 || recent.Count == 0 ? null : (double)(recent.Sum(d => d.Joins) - recent.Sum(d => d.Leaves)) / members);
        var signals = inputs.Signals;
        yield return (HealthFactor.TopTalkers, signals.TopTalkersShare);
        yield return (HealthFactor.Newcomers, signals.NewcomerRatio);
        yield return (HealthFactor.StaffShare, signals.StaffShare);
        yield return (HealthFactor.AnswerTime, signals.MedianAnswerMinutes);
        yield return (HealthFactor.Moderated, signals.ModeratedShare);
    }

    /// <summary>Active member-days of the second half of the window over the first; none while the first half was empty.</summary>
    private static double? Trend(IReadOnlyList<HealthDay> window)
    {
        if (window.Count < Window)
        {
            return null;
        }

        var half = Window / 2;
        var before = window.Take(half).Sum(d => d.ActiveMembers);
        var after = window.Skip(half).Sum(d => d.ActiveMembers);
        return before == 0 ? null : (double)after / before;
    }
}
