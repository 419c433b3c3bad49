using Qunyun.Engine.Groups;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Pipeline;

/// <param name="Zone">The workspace's time zone: rollups count local calendar days.</param>
/// <param name="HalfLife">How fast the activity score decays (see <see cref="ActivityScore"/>).</param>
/// <param name="DefaultGroupType">The type a group gets when its first event registers it.</param>
public sealed record PipelineSettings(TimeZoneInfo Zone, TimeSpan HalfLife, GroupType DefaultGroupType);
