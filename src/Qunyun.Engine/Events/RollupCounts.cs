using Qunyun.Engine.Merging;

namespace Qunyun.Engine.Events;

/// <summary>What one event adds to its member's row of the day (the pipeline's rollup rule).</summary>
public static class RollupCounts
{
    public static DayCounts Of(EventKind kind) => kind.IsInteraction()
        ? new DayCounts(kind == EventKind.Message ? 1 : 0, kind == EventKind.Reaction ? 1 : 0, 1)
        : default;
}
