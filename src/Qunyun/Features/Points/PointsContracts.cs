namespace Qunyun.Features.Points;

public sealed record PointsEntryResponse(Guid Id, int Delta, PointsReason Reason, string? Note, DateOnly? Day, long? EventId, string? Actor, DateTime At);

public sealed record MemberPointsResponse(Guid MemberId, long Balance, int Streak, bool CheckedInToday, IReadOnlyList<PointsEntryResponse> Recent);

/// <summary>A manual adjustment: <see cref="Delta"/> points (negative to deduct) with a note saying why.</summary>
public sealed record AdjustPointsRequest(long? Delta, string? Note);

public sealed record LeaderboardRow(int Rank, Guid MemberId, string DisplayName, long Balance);

public sealed record PointsSettingsRequest(bool? Enabled, int? PerCheckIn, int? StreakBonus, int? BonusEvery);

public sealed record PointsSettingsResponse(bool Enabled, int PerCheckIn, int StreakBonus, int BonusEvery)
{
    public static PointsSettingsResponse Of(PointsSettings s) => new(s.Enabled, s.PerCheckIn, s.StreakBonus, s.BonusEvery);
}
