namespace Qunyun.Engine.Points;

/// <summary>
/// How a workspace rewards check-ins: <see cref="PerCheckIn"/> points each day, and <see cref="StreakBonus"/> more on
/// every <see cref="BonusEvery"/>th consecutive day (the 7th, 14th, 21st… by default).
/// </summary>
public sealed record PointsRules(int PerCheckIn, int StreakBonus, int BonusEvery)
{
    public const int DefaultPerCheckIn = 5;
    public const int DefaultStreakBonus = 20;
    public const int DefaultBonusEvery = 7;
    public const int MaxPerCheckIn = 1000;
    public const int MaxStreakBonus = 10000;
    public const int MinBonusEvery = 2;
    public const int MaxBonusEvery = 365;

    public static PointsRules Default { get; } = new(DefaultPerCheckIn, DefaultStreakBonus, DefaultBonusEvery);

    /// <summary>Names of the fields that are out of range (empty when the rules are valid).</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (PerCheckIn is < 0 or > MaxPerCheckIn)
        {
            yield return (nameof(PerCheckIn), $"0–{MaxPerCheckIn} points.");
        }

        if (StreakBonus is < 0 or > MaxStreakBonus)
        {
            yield return (nameof(StreakBonus), $"0–{MaxStreakBonus} points.");
        }

        if (BonusEvery is < MinBonusEvery or > MaxBonusEvery)
        {
            yield return (nameof(BonusEvery), $"{MinBonusEvery}–{MaxBonusEvery} days.");
        }
    }

    /// <summary>What a check-in that makes a streak of <paramref name="streak"/> days earns.</summary>
    public CheckInAward AwardFor(int streak) =>
        new(PerCheckIn, streak > 0 && streak % BonusEvery == 0 ? StreakBonus : 0);
}

/// <summary>The points one check-in earns: the base points and the streak bonus (0 on most days).</summary>
public readonly record struct CheckInAward(int Base, int Bonus)
{
    public int Total => Base + Bonus;
}
