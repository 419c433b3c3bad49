namespace Qunyun.Engine.Groups;

/// <summary>
/// Where a group stands against Dunbar's numbers: below ~50 members a group interacts by itself,
/// between 50 and 150 it needs rules and activities, above ~150 it is past the stable social limit.
/// </summary>
public enum SizeBand
{
    Intimate,
    NeedsStructure,
    PastStableLimit,
}

public static class SizeBands
{
    public const int IntimateLimit = 50;
    public const int StableLimit = 150;

    public static SizeBand Classify(int activeMembers) => activeMembers switch
    {
        <= IntimateLimit => SizeBand.Intimate,
        <= StableLimit => SizeBand.NeedsStructure,
        _ => SizeBand.PastStableLimit,
    };
}
