namespace Qunyun.Engine.Groups;

/// <summary>The defaults a new group of a type starts with; operators may change them per group.</summary>
/// <param name="DefaultCapacity">Member cap for a new group (the live-code opens the next group when reached).</param>
/// <param name="ModerationLevel">How hard moderation leans in by default.</param>
/// <param name="DissolveAfterEnd">For short-term groups: how long after the end date the group is dissolved.</param>
/// <param name="RequiresEndDate">Whether a group of this type must carry an end date.</param>
public sealed record GroupPolicy(
    int DefaultCapacity,
    ModerationLevel ModerationLevel,
    TimeSpan? DissolveAfterEnd,
    bool RequiresEndDate)
{
    public static GroupPolicy For(GroupType type) => type switch
    {
        GroupType.LongTerm => new(SizeBands.StableLimit, ModerationLevel.Strict, null, false),
        GroupType.ProductFeedback => new(100, ModerationLevel.Standard, null, false),
        GroupType.ShortTerm => new(500, ModerationLevel.Standard, TimeSpan.FromDays(3), true),
        GroupType.FanSelfOrganized => new(500, ModerationLevel.Light, null, false),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown group type"),
    };
}

public enum ModerationLevel
{
    Light,
    Standard,
    Strict,
}
