namespace Qunyun.Engine.Health;

/// <summary>One local day of a group as the health model reads it (from the group-day rollup; zeros on quiet days).</summary>
public readonly record struct HealthDay(DateOnly Day, int Messages, int ActiveMembers, int Joins, int Leaves);

/// <summary>What a group's window says beyond its daily series; null where the window has nothing to measure.</summary>
/// <param name="TopTalkersShare">Share of the window's messages written by the most talkative fifth of its speakers.</param>
/// <param name="NewcomerRatio">Share of the window's active members who were at most 14 days in the group when they spoke.</param>
/// <param name="StaffShare">Share of the window's messages posted by staff (group owners and admins) and the bot.</param>
/// <param name="MedianAnswerMinutes">Median time from a question to its first answer; unanswered questions count as slowest.</param>
/// <param name="ModeratedShare">Moderation decisions that stood, per message.</param>
public sealed record HealthSignals(
    double? TopTalkersShare = null,
    double? NewcomerRatio = null,
    double? StaffShare = null,
    double? MedianAnswerMinutes = null,
    double? ModeratedShare = null);
